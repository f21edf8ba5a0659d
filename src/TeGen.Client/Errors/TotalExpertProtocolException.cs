namespace TeGen.Client;

/// <summary>
/// TE answered, but the answer could not be understood: not JSON (an HTML page from a proxy), JSON of the wrong shape,
/// or a required member missing (a create without its <c>id</c>, a token answer without <c>access_token</c>). TE may
/// have acted on the request: <see cref="TotalExpertApiException.MayHaveBeenProcessed"/> is <c>true</c>.
/// </summary>
public sealed class TotalExpertProtocolException : TotalExpertApiException
{
    internal TotalExpertProtocolException(string? operation, int statusCode, string problem, Exception? inner = null)
        : base(TotalExpertErrorDetails.Local(
            operation,
            $"TE's answer ({statusCode}) to {operation ?? "the request"} could not be read: {problem}",
            mayHaveBeenProcessed: true,
            statusCode: statusCode), inner)
    {
    }
}
