namespace TeGen.Client.Tests.Support;

internal static class Eventually
{
    /// <summary>Waits (real time, bounded) until a condition about another thread's progress holds.</summary>
    public static async Task TrueAsync(Func<bool> condition, int timeoutMs = 10_000)
    {
        var until = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > until)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(5);
        }
    }
}
