namespace TeGen.Client;

/// <summary>
/// TE's answer was larger than <see cref="Http.TransportOptions.MaxResponseBytes"/>; the SDK stopped reading it. A
/// page that large usually means a page size too big for the records' custom fields: ask for smaller pages.
/// </summary>
public sealed class TotalExpertResponseTooLargeException : TotalExpertApiException
{
    internal TotalExpertResponseTooLargeException(HttpRequestMessage request, int statusCode, long limit)
        : base(TotalExpertErrorDetails.Local(
            TotalExpertErrorDetails.OperationOf(request),
            $"TE's answer ({statusCode}) to {TotalExpertErrorDetails.OperationOf(request)} is larger than {limit} bytes (TotalExpert:Transport:MaxResponseBytes); it was not read.",
            mayHaveBeenProcessed: true,
            statusCode: statusCode))
    {
        Limit = limit;
    }

    /// <summary>The configured limit, in bytes.</summary>
    public long Limit { get; }
}
