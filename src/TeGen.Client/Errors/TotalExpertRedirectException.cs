namespace TeGen.Client;

/// <summary>
/// TE's host answered with a redirect (3xx). The SDK never follows one: a redirect would carry query strings, bodies
/// and, on <c>/v1/token</c>, credentials to another host. Nothing was sent to <see cref="Location"/>. A redirect usually
/// means a wrong <see cref="TotalExpertClientOptions.BaseUrl"/> (http instead of https, a missing path) or a proxy in the way.
/// </summary>
public sealed class TotalExpertRedirectException : TotalExpertApiException
{
    internal TotalExpertRedirectException(HttpResponseMessage response)
        : base(Details(response))
    {
        Location = Redacted(response);
    }

    /// <summary>Where the redirect pointed (scheme, host and path; the query string is left out), if it said.</summary>
    public Uri? Location { get; }

    private static TotalExpertErrorDetails Details(HttpResponseMessage response)
    {
        var operation = TotalExpertErrorDetails.OperationOf(response.RequestMessage);
        var status = (int)response.StatusCode;
        var location = Redacted(response);
        return TotalExpertErrorDetails.Local(
            operation,
            $"TE answered {status} {response.ReasonPhrase} to {operation}, redirecting to {(location is null ? "no Location" : location.ToString())}; "
            + "TeGen does not follow redirects (they would carry the request to another host). Check TotalExpert:BaseUrl.",
            mayHaveBeenProcessed: false,
            statusCode: status);
    }

    private static Uri? Redacted(HttpResponseMessage response)
    {
        if (response.Headers.Location is not { } location)
        {
            return null;
        }

        var absolute = location.IsAbsoluteUri || response.RequestMessage?.RequestUri is not { } from ? location : new Uri(from, location);
        return absolute.IsAbsoluteUri ? new Uri(absolute.GetLeftPart(UriPartial.Path)) : absolute;
    }
}
