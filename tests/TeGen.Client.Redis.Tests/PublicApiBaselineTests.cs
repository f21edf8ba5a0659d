using PublicApiGenerator;
using TeGen.Tests;

namespace TeGen.Client.Redis.Tests;

/// <summary>
/// TeGen.Client.Redis's public API is committed in <c>src/TeGen.Client.Redis/PublicAPI.approved.txt</c>, as
/// TeGen.Client's is; when it changes on purpose, run the tests with <c>TEGEN_ACCEPT_API=1</c> and commit the file.
/// </summary>
public class PublicApiBaselineTests
{
    private static readonly string Approved = RepoPaths.Combine("src", "TeGen.Client.Redis", "PublicAPI.approved.txt");

    [Fact]
    public void The_public_API_matches_the_committed_baseline()
    {
        var actual = typeof(RedisCoordination).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("TEGEN_ACCEPT_API") == "1")
        {
            File.WriteAllText(Approved, actual);
        }

        var approved = File.Exists(Approved) ? File.ReadAllText(Approved).ReplaceLineEndings("\n") : "";
        if (approved != actual)
        {
            var received = Path.ChangeExtension(Approved, ".received.txt");
            File.WriteAllText(received, actual);
            Assert.Fail($"TeGen.Client.Redis's public API changed; compare {received} with {Approved}, and if the change is intended run the tests with TEGEN_ACCEPT_API=1 and commit the file.");
        }
    }
}
