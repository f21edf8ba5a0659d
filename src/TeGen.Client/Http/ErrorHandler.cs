using System.Net;

namespace TeGen.Client.Http;

/// <summary>
/// Turns what is left after retries into typed exceptions: TE error answers into the
/// <see cref="TotalExpertApiException"/> family (TE's 418 from <c>/v1/teapot</c> excepted: it is that endpoint's
/// success), transport failures into <see cref="TotalExpertTransportException"/>.
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

        if (response.IsSuccessStatusCode || response.StatusCode == (HttpStatusCode)418)
        {
            return response;
        }

        using (response)
        {
            throw await TotalExpertErrors.FromResponseAsync(response, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
