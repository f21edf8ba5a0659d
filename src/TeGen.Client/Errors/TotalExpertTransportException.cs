namespace TeGen.Client;

/// <summary>
/// No complete answer came back from TE (connection refused, reset or dropped, or the body broke off) and retries,
/// where safe, did not help. <see cref="TotalExpertApiException.MayHaveBeenProcessed"/> says whether TE may have
/// acted on the request anyway.
/// </summary>
public sealed class TotalExpertTransportException : TotalExpertApiException
{
    internal TotalExpertTransportException(HttpRequestMessage request, Exception inner, bool? mayHaveBeenProcessed = null)
        : base(TotalExpertErrorDetails.Local(
            TotalExpertErrorDetails.OperationOf(request),
            $"No complete answer from TE to {TotalExpertErrorDetails.OperationOf(request)}: {inner.Message}",
            mayHaveBeenProcessed ?? !NeverConnected(inner)), inner)
    {
    }

    /// <summary>Whether the failure happened before a connection to TE existed, so TE cannot have seen the request.</summary>
    internal static bool NeverConnected(Exception e) =>
        e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError };
}
