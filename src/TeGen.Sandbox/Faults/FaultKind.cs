namespace TeGen.Sandbox.Faults;

/// <summary>What an injected fault does to a <c>/v1/*</c> request.</summary>
public enum FaultKind
{
    /// <summary>Answer with <see cref="FaultRule.Status"/> (500 or 503 typically) and an <c>{"error": ...}</c> body.</summary>
    ServerError,

    /// <summary>Answer <c>429</c> with <c>Retry-After: </c><see cref="FaultRule.RetryAfterSeconds"/>.</summary>
    TooManyRequests,

    /// <summary>Delay the request by <see cref="FaultRule.LatencyMilliseconds"/> of wall-clock time.</summary>
    Latency,

    /// <summary>Abort the connection without an answer, before or after the request is processed (<see cref="FaultRule.Stage"/>).</summary>
    Drop,

    /// <summary>Process the request, then send a truncated (unparseable) JSON body.</summary>
    MalformedJson,
}
