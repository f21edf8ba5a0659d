namespace TeGen.Client.Http;

/// <summary>
/// Turns what is left after retries into typed exceptions: TE error answers into the
/// <see cref="TotalExpertApiException"/> family, transport failures into <see cref="TotalExpertTransportException"/>.
/// What counts as success is the operation's (<see cref="TeOperation.SuccessStatuses"/>: its 2xx responses and any the
/// spec adds, such as the teapot's 418); a request no generated client built succeeds on 2xx.
/// </summary>
internal sealed class ErrorHandler(TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new TotalExpertTransportException(request, e);
        }

        if (TeOperation.Of(request) is { } operation ? operation.IsSuccess((int)response.StatusCode) || response.IsSuccessStatusCode : response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await TotalExpertErrors.FromResponseAsync(response, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
