namespace TeGen.Client.AspNetCore;

/// <summary>
/// The application's side of the receiver: gets every new, authenticated notification, one at a time in the order
/// they arrived, on a background task after TE has had its answer. Resolved from a new DI scope per event.
/// </summary>
public interface ITotalExpertWebhookHandler
{
    /// <summary>Handles one event. An exception is logged and the next event follows; TE does not send it again.</summary>
    /// <param name="webhookEvent">The event; switch on its type.</param>
    /// <param name="cancellationToken">Signalled when the application stops.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(TotalExpertWebhookEvent webhookEvent, CancellationToken cancellationToken);
}
