namespace TeGen.Client;

/// <summary>
/// No answer came back from TE (connection refused, reset or dropped) and retries, where safe, did not help.
/// <see cref="MayHaveBeenProcessed"/> says whether TE may have acted on the request anyway.
/// </summary>
public sealed class TotalExpertTransportException : TotalExpertApiException
{
    internal TotalExpertTransportException(HttpRequestMessage request, HttpRequestException inner)
        : base(Details(request, inner), inner)
    {
        MayHaveBeenProcessed = inner.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError);
    }

    /// <summary>
    /// <c>false</c> when the connection was never made, so TE cannot have seen the request; <c>true</c> when it
    /// broke after the request was sent. Before repeating a non-deduplicated POST (a note, a survey response),
    /// check TE for the record.
    /// </summary>
    public bool MayHaveBeenProcessed { get; }

    private static TotalExpertErrorDetails Details(HttpRequestMessage request, HttpRequestException inner)
    {
        var operation = $"{request.Method} {request.RequestUri?.AbsolutePath}";
        return new TotalExpertErrorDetails(
            0, $"No answer from TE to {operation}: {inner.Message}", null,
            new Dictionary<string, IEnumerable<string>>(), null, null, null, operation, null);
    }
}
