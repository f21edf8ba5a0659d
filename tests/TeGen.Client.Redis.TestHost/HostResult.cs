namespace TeGen.Client.Redis.TestHost;

/// <summary>What a child reports: calls that succeeded, the errors of the others, warnings logged, and how long the calls took.</summary>
public sealed record HostResult(int Ok, IReadOnlyList<string> Errors, int Warnings, double Seconds);
