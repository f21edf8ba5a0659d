namespace TeGen.Sandbox.Faults;

/// <summary>The faults in force: a list of rules and the seed that makes their random draws repeatable.</summary>
public sealed record FaultSettings
{
    /// <summary>
    /// Seed of the random draws behind <see cref="FaultRule.Probability"/>. With a seed, the same sequence of requests
    /// meets the same faults on every run; without one the draws differ each time.
    /// </summary>
    public int? Seed { get; init; }

    /// <summary>The rules, evaluated in order for every <c>/v1/*</c> request.</summary>
    public IReadOnlyList<FaultRule> Rules { get; init; } = [];
}
