using TeGen.Sandbox;

namespace TeGen.Client.Redis.Tests.Support;

/// <summary>What the sandbox counted per window of its request limit (fixed windows aligned on the clock, as it counts them).</summary>
public static class SandboxWindows
{
    /// <summary>The most requests the sandbox saw in one of its windows (every request to TE's API counts, token requests included).</summary>
    public static int Busiest(TeSandbox sandbox, TimeSpan window) =>
        sandbox.Inspector.GetRequestStats().Recent
            .Where(r => !r.Path.StartsWith("/_sandbox", StringComparison.Ordinal))
            .GroupBy(r => (r.Timestamp - DateTimeOffset.UnixEpoch).Ticks / window.Ticks)
            .Select(g => g.Count())
            .DefaultIfEmpty(0)
            .Max();
}
