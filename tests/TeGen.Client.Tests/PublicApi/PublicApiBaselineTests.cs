using PublicApiGenerator;
using TeGen.Tests;

namespace TeGen.Client.Tests.PublicApi;

/// <summary>
/// TeGen.Client's public API, generated code included, is committed in <c>src/TeGen.Client/PublicAPI.approved.txt</c>,
/// so a spec or code change that alters it shows as a diff in review. When it changes on purpose, run the tests with
/// <c>TEGEN_ACCEPT_API=1</c> to rewrite the file, and commit it.
/// </summary>
public class PublicApiBaselineTests
{
    private static readonly string Approved = RepoPaths.Combine("src", "TeGen.Client", "PublicAPI.approved.txt");

    [Fact]
    public void The_public_API_matches_the_committed_baseline()
    {
        var actual = typeof(TotalExpertConnection).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("TEGEN_ACCEPT_API") == "1")
        {
            File.WriteAllText(Approved, actual);
        }

        var approved = File.Exists(Approved) ? File.ReadAllText(Approved).ReplaceLineEndings("\n") : "";
        if (approved != actual)
        {
            var received = Path.ChangeExtension(Approved, ".received.txt");
            File.WriteAllText(received, actual);
            var firstDifference = approved.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
            var line = actual[..firstDifference].Count(c => c == '\n') + 1;
            Assert.Fail($"TeGen.Client's public API changed (first difference at line {line}); compare {received} with {Approved}, "
                + "and if the change is intended run the tests with TEGEN_ACCEPT_API=1 and commit the file.");
        }
    }

    [Fact]
    public void No_generated_client_class_is_public()
    {
        var api = File.ReadAllText(Approved);
        Assert.DoesNotContain("public class ContactsClient", api);
        Assert.DoesNotContain("AuthClient", api);
        Assert.Contains("public interface IContactsClient", api);
    }
}
