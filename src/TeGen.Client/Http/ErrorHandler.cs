namespace TeGen.Client.Http;

/// <summary>
/// Turns what is left after retries into typed exceptions: TE error answers into the
/// <see cref="TotalExpertApiException"/> family, transport failures into <see cref="TotalExpertTransportException"/>.
/// What counts as success is the operation's (<see cref="TeOperation.SuccessStatuses"/>: its 2xx responses and any the
/// spec adds, such as the teapot's 418); a request no generated client built succeeds on 2xx. TE's error body is kept on
/// the exception unless <paramref name="keepErrorBodies"/> is false (<see cref="Diagnostics.DiagnosticsOptions"/>).
/// </summary>
internal sealed class ErrorHandler(TimeProvider time, bool keepErrorBodies = true) : TeDelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A success that has already arrived passes as it is: no task or async state of this handler's own.
        var sent = SendInnerAsync(request, cancellationToken);

        return sent.IsCompletedSuccessfully && IsSuccess(request, sent.Result) ? sent : TranslateAsync(request, sent, cancellationToken);
    }

    private async Task<HttpResponseMessage> TranslateAsync(HttpRequestMessage request, Task<HttpResponseMessage> sent, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await sent.ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new TotalExpertTransportException(request, e);
        }

        if (IsSuccess(request, response))
        {
            return response;
        }

        using (response)
        {
            throw await TotalExpertErrors.FromResponseAsync(response, time, cancellationToken, keepErrorBodies).ConfigureAwait(false);
        }
    }

    private static bool IsSuccess(HttpRequestMessage request, HttpResponseMessage response) =>
        TeOperation.Of(request) is { } operation ? operation.IsSuccess((int)response.StatusCode) || response.IsSuccessStatusCode : response.IsSuccessStatusCode;
}
