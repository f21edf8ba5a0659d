using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace TeGen.Benchmarks.Baseline;

/// <summary>
/// The baseline: a bare <see cref="HttpClient"/> with the token in its default headers and System.Text.Json over
/// hand-written DTOs, doing per call only what any TE client has to (build the URL, send, check the status,
/// deserialize). No retries, no limiter, no telemetry.
/// </summary>
public sealed class RawTeClient(HttpClient http)
{
    /// <summary><c>GET /v1/contacts/{id}</c>.</summary>
    public async Task<RawContact> GetContactAsync(long id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("v1/contacts/" + id.ToString(CultureInfo.InvariantCulture), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<RawContact>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /v1/contacts?page[number]=..&amp;page[size]=..</c>.</summary>
    public async Task<RawContactPage> ListContactsAsync(int page, int size, CancellationToken cancellationToken = default)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"v1/contacts?page%5Bnumber%5D={page}&page%5Bsize%5D={size}");
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<RawContactPage>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST /v1/contacts</c>.</summary>
    public async Task<RawCreateResult> CreateContactAsync(RawNewContact contact, CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(contact, RawJson.Options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("v1/contacts", content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<RawCreateResult>(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync<T>(body, RawJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException($"TE answered null for a {typeof(T).Name}.");
    }
}
