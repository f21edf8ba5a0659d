using TeGen.Client;

namespace TeGen.Benchmarks.Throughput;

/// <summary>One TeGen connection and its admin client; the SDK does its own limiting, token caching and retries.</summary>
internal sealed class TeGenSender(TotalExpertConnection connection, LoadContacts contacts) : IContactSender
{
    private readonly TotalExpertAdminClient _admin = connection.CreateAdminClient();

    public async Task<bool> CreateAsync(int n, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _admin.Contacts.CreateContactAsync(contacts.ForTeGen(n), cancellationToken).ConfigureAwait(false);
            return result.Created is not null;
        }
        catch (TotalExpertApiException)
        {
            return false;
        }
    }

    public void Dispose() => connection.Dispose();
}
