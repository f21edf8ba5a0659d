namespace TeGen.Client.AspNetCore;

/// <summary>
/// Settings of the webhook receiver (<see cref="TotalExpertWebhookServiceCollectionExtensions.AddTotalExpertWebhooks{THandler}(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{TotalExpertWebhookOptions})"/>),
/// validated at start-up. Bind them from configuration (e.g. <c>TotalExpert:Webhooks</c>); keep <see cref="Secret"/>
/// in a secret store: it is all that tells TE's notifications from anyone else's, and it is never logged.
/// </summary>
public sealed class TotalExpertWebhookOptions
{
    /// <summary>The subscription's secret, as given to TE (1 to 255 characters; TE suggests 32 to 64 random hex characters).</summary>
    public string Secret { get; set; } = "";

    /// <summary>
    /// The secret before the latest rotation, accepted until <see cref="PreviousSecretValidUntil"/> (TE keeps sending the
    /// notifications it queued before the rotation with it). Set both when another process rotated the secret;
    /// <see cref="TotalExpertWebhookSecrets.Rotate"/> sets them in this one.
    /// </summary>
    public string? PreviousSecret { get; set; }

    /// <summary>Until when <see cref="PreviousSecret"/> is accepted. <c>null</c>: until the next rotation.</summary>
    public DateTimeOffset? PreviousSecretValidUntil { get; set; }

    /// <summary>
    /// How long the old secret stays accepted after <see cref="TotalExpertWebhookSecrets.Rotate"/>. Default one hour:
    /// TE does not document how long it retries a queued notification.
    /// </summary>
    public TimeSpan RotationWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the latest hash value of a record is remembered for duplicate suppression. Default seven days.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Notifications accepted but not yet handled; when the queue is full a notification is answered <c>503</c> (TE sends
    /// it again later). Default 10 000.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Largest body accepted, in bytes; larger ones get <c>413</c>. Default 64 KB (a notification is about 200 bytes).</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
