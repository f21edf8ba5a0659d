using TeGen.Client.Redis.TestHost;
using TeGen.Sandbox;

namespace TeGen.Client.Redis.Tests.Support;

/// <summary>
/// N child processes (<see cref="FleetProcesses"/>) sharing one coordination backend against one sandbox on loopback.
/// </summary>
public static class Fleet
{
    /// <summary>The arguments every child of <paramref name="sandbox"/> needs.</summary>
    public static List<string> Arguments(TeSandbox sandbox, string mode, int calls, params string[] more) =>
    [
        $"mode={mode}", $"base={sandbox.BaseUrl}", $"client={sandbox.ClientId}", $"secret={sandbox.ClientSecret}",
        $"owner={sandbox.Users[0].Id}", $"calls={calls}", .. more,
    ];

    public static Task<HostResult[]> RunAsync(int processes, Func<int, IEnumerable<string>> arguments, TimeSpan timeout) =>
        FleetProcesses.RunAsync(processes, arguments, timeout);
}
