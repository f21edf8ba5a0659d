namespace TeGen.Client;

/// <summary>
/// TE did not finish answering within <see cref="Http.TransportOptions.AttemptTimeout"/> (headers and body), and
/// retries, where safe, did not help. The request may have reached TE: <see cref="TotalExpertApiException.MayHaveBeenProcessed"/>
/// is <c>true</c>.
/// </summary>
public sealed class TotalExpertTimeoutException : TotalExpertApiException
{
    internal TotalExpertTimeoutException(HttpRequestMessage request, TimeSpan timeout, Exception? inner)
        : base(TotalExpertErrorDetails.Local(
            TotalExpertErrorDetails.OperationOf(request),
            $"TE did not answer {TotalExpertErrorDetails.OperationOf(request)} within {timeout.TotalSeconds:0.###} s (TotalExpert:Transport:AttemptTimeout).",
            mayHaveBeenProcessed: true), inner)
    {
        Timeout = timeout;
    }

    /// <summary>The time allowed for the attempt that timed out.</summary>
    public TimeSpan Timeout { get; }
}
