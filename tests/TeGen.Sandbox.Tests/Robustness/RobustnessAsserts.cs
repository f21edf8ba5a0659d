using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Robustness;

internal static class RobustnessAsserts
{
    // TE's error shape: a JSON object with an "error" string (OAuth errors add "error_description").
    public static void AssertTeError(Reply reply)
    {
        Assert.Equal("application/json", reply.ContentType);
        Assert.False(string.IsNullOrEmpty(reply.Error), $"no error member in: {reply.Body}");
    }

    public static async Task ExpectStillServingAsync(TestApi api)
    {
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact("Still", "Serving", "still.serving@example.test"));
        (await api.GetAsync($"v1/contacts/{id}", token)).Expect(200);
    }
}
