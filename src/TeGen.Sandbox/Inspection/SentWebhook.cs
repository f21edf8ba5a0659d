using System.Text.Json.Nodes;

namespace TeGen.Sandbox.Inspection;

/// <summary>A notification the sandbox took from its queue to send to a webhook subscription, and how that went.</summary>
/// <param name="Number">Order in which the sandbox took it, from 1.</param>
/// <param name="SubscriptionId">TE id of the subscription.</param>
/// <param name="Url">Where it was sent.</param>
/// <param name="Body">The notification as sent: <c>item</c>, <c>action</c>, <c>id</c>, <c>hashValue</c>, <c>secret</c>.</param>
/// <param name="QueuedAt">When the change that caused it happened (sandbox clock).</param>
/// <param name="Status">Where delivery stands.</param>
/// <param name="Attempts">Every attempt, in order.</param>
public sealed record SentWebhook(
    long Number, string SubscriptionId, string Url, JsonObject Body, DateTimeOffset QueuedAt, WebhookDeliveryStatus Status, IReadOnlyList<WebhookAttempt> Attempts);

/// <summary>One attempt to deliver a notification.</summary>
/// <param name="At">When it started (sandbox clock).</param>
/// <param name="Status">The receiver's HTTP status; 0 when there was no answer.</param>
/// <param name="Error">Why there was no answer (refused, timed out), or why nothing was sent; <c>null</c> when answered.</param>
public sealed record WebhookAttempt(DateTimeOffset At, int Status, string? Error);

/// <summary>Where delivery of a notification stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Being sent, or waiting for a retry.</summary>
    Pending,

    /// <summary>A 2xx answer was received.</summary>
    Delivered,

    /// <summary>Every attempt failed; the sandbox gave up.</summary>
    Failed,

    /// <summary>Not sent: the URL is not on a loopback host (the sandbox sends nowhere else).</summary>
    Skipped,
}
