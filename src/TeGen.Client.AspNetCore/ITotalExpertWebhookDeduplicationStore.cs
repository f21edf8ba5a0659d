namespace TeGen.Client.AspNetCore;

/// <summary>
/// Remembers the latest <c>hashValue</c> per record, so a notification repeating it (TE: nothing changed) is not
/// delivered again. Only the latest is compared, as TE says. <see cref="InMemoryWebhookDeduplicationStore"/> (the
/// default) serves one process; <see cref="DistributedCacheWebhookDeduplicationStore"/> several.
/// </summary>
public interface ITotalExpertWebhookDeduplicationStore
{
    /// <summary>Records <paramref name="hashValue"/> as the latest of the record and says whether it differs from the one before.</summary>
    /// <param name="item">The record type, e.g. <c>CONTACT</c>.</param>
    /// <param name="id">TE id of the record.</param>
    /// <param name="hashValue">The notification's hash value.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><c>true</c> when the notification is new; <c>false</c> when the record's latest hash value was the same.</returns>
    ValueTask<bool> IsNewAsync(string item, long id, string hashValue, CancellationToken cancellationToken);
}
