using TeGen.Sandbox;

namespace TeGen.Client.Tests.Support;

/// <summary>Proves from the sandbox's own request log what reached it.</summary>
internal static class RequestLog
{
    /// <summary>Runs <paramref name="action"/> and returns how many requests the sandbox received meanwhile.</summary>
    public static async Task<long> CountAsync(TeSandbox sandbox, Func<Task> action)
    {
        var before = sandbox.Inspector.GetRequestStats().TotalRequests;
        await action();
        return sandbox.Inspector.GetRequestStats().TotalRequests - before;
    }

    /// <summary>Asserts that <paramref name="action"/> is refused before sending: the exception names <paramref name="field"/> and the sandbox saw no request.</summary>
    public static async Task<TotalExpertRequestValidationException> RefusedAsync(TeSandbox sandbox, string field, Func<Task> action)
    {
        TotalExpertRequestValidationException? refused = null;
        var sent = await CountAsync(sandbox, async () => refused = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(action));
        Assert.Equal(0, sent);
        Assert.Equal(field, refused!.Field);
        Assert.Equal(field, refused.ParamName);
        Assert.Contains(field, refused.Message);
        return refused;
    }
}
