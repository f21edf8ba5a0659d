namespace TeGen.Sandbox.Tests.Support;

/// <summary>
/// Waits for something the server records after the client already has its answer (e.g. the log entry of a
/// dropped connection, written once the server side has unwound).
/// </summary>
internal static class Eventually
{
    public static async Task<T> MatchAsync<T>(Func<T> read, Func<T, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var value = read();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}.");
            }

            await Task.Delay(10);
        }
    }
}
