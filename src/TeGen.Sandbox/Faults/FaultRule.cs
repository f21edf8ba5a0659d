using System.Text.Json.Serialization;
using TeGen.Sandbox.Http;

namespace TeGen.Sandbox.Faults;

/// <summary>
/// One fault: its kind, which requests it may hit (<see cref="Method"/>, <see cref="PathPrefix"/>), how often
/// (<see cref="Probability"/>) and how many times at most (<see cref="Count"/>).
/// </summary>
public sealed record FaultRule
{
    /// <summary>What the fault does.</summary>
    public FaultKind Kind { get; init; }

    /// <summary>HTTP method the fault is limited to (case-insensitive); <c>null</c> for any.</summary>
    public string? Method { get; init; }

    /// <summary>Path prefix the fault is limited to, matched on whole segments (e.g. <c>/v1/contacts</c>); <c>null</c> for any <c>/v1/*</c> path.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>Share of matching requests hit, from 0 to 1. Default 1 (every matching request).</summary>
    public double Probability { get; init; } = 1;

    /// <summary>How many times the fault strikes before it is spent; <c>null</c> for no limit. Reading the current settings shows what is left.</summary>
    public int? Count { get; init; }

    /// <summary>Status of a <see cref="FaultKind.ServerError"/>, 500 to 599. Default 503.</summary>
    public int Status { get; init; } = 503;

    /// <summary><c>Retry-After</c> seconds of a <see cref="FaultKind.TooManyRequests"/> answer. Default 1.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Added delay of a <see cref="FaultKind.Latency"/> fault, in milliseconds.</summary>
    public int LatencyMilliseconds { get; init; }

    /// <summary>When a <see cref="FaultKind.ServerError"/> or <see cref="FaultKind.Drop"/> strikes. Default <see cref="FaultStage.Before"/>.</summary>
    public FaultStage Stage { get; init; } = FaultStage.Before;

    /// <summary>A share of server errors.</summary>
    /// <param name="probability">Share of requests hit, 0 to 1.</param>
    /// <param name="status">500 to 599.</param>
    /// <returns>The rule.</returns>
    public static FaultRule ServerErrors(double probability, int status = 503) =>
        new() { Kind = FaultKind.ServerError, Probability = probability, Status = status };

    /// <summary>A burst: the next <paramref name="count"/> matching requests get <c>429</c>.</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="retryAfterSeconds">Value of the <c>Retry-After</c> header.</param>
    /// <returns>The rule.</returns>
    public static FaultRule TooManyRequestsBurst(int count, int retryAfterSeconds = 1) =>
        new() { Kind = FaultKind.TooManyRequests, Count = count, RetryAfterSeconds = retryAfterSeconds };

    /// <summary>Added latency on every matching request.</summary>
    /// <param name="delay">The delay.</param>
    /// <returns>The rule.</returns>
    public static FaultRule Delay(TimeSpan delay) =>
        new() { Kind = FaultKind.Latency, LatencyMilliseconds = (int)delay.TotalMilliseconds };

    /// <summary>Dropped connections.</summary>
    /// <param name="stage">Before or after the request is processed.</param>
    /// <param name="count">How many times; <c>null</c> for every matching request.</param>
    /// <returns>The rule.</returns>
    public static FaultRule DropConnection(FaultStage stage, int? count = 1) =>
        new() { Kind = FaultKind.Drop, Stage = stage, Count = count };

    /// <summary>A share of answers with truncated JSON bodies.</summary>
    /// <param name="probability">Share of requests hit, 0 to 1.</param>
    /// <returns>The rule.</returns>
    public static FaultRule MalformedJsonBodies(double probability = 1) =>
        new() { Kind = FaultKind.MalformedJson, Probability = probability };

    /// <summary>This rule limited to one method and path prefix.</summary>
    /// <param name="method">HTTP method, or <c>null</c> for any.</param>
    /// <param name="pathPrefix">Path prefix such as <c>/v1/contacts</c>, or <c>null</c> for any.</param>
    /// <returns>A copy of the rule with the scope set.</returns>
    public FaultRule For(string? method, string? pathPrefix = null) => this with { Method = method, PathPrefix = pathPrefix };

    [JsonIgnore]
    internal bool StrikesAfter => Kind == FaultKind.MalformedJson || (Stage == FaultStage.After && Kind is FaultKind.ServerError or FaultKind.Drop);

    internal void Validate()
    {
        if (Probability is < 0 or > 1 || double.IsNaN(Probability))
        {
            throw new ArgumentException($"probability must be between 0 and 1 (was {Probability}).");
        }

        if (Count is < 0)
        {
            throw new ArgumentException("count must not be negative.");
        }

        switch (Kind)
        {
            case FaultKind.ServerError when Status is < 500 or > 599:
                throw new ArgumentException($"status of a server_error must be 500 to 599 (was {Status}).");
            case FaultKind.TooManyRequests when RetryAfterSeconds < 0:
                throw new ArgumentException("retry_after_seconds must not be negative.");
            case FaultKind.Latency when LatencyMilliseconds < 0:
                throw new ArgumentException("latency_milliseconds must not be negative.");
            case FaultKind.TooManyRequests or FaultKind.Latency when Stage == FaultStage.After:
                throw new ArgumentException($"a {Kind} fault can only strike before processing.");
        }

        if (!Enum.IsDefined(Kind) || !Enum.IsDefined(Stage))
        {
            throw new ArgumentException("unknown fault kind or stage.");
        }
    }

    internal bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || RequestPaths.IsUnder(path, PathPrefix));
}
