using PublicApiGenerator;
using TeGen.Tests;

namespace TeGen.Client.Tests.PublicApi;

/// <summary>
/// TeGen.Client's public API, generated code included, is committed in <c>src/TeGen.Client/PublicAPI.approved.txt</c>
/// (TeGen.Client.AspNetCore's and TeGen.Client.Kiota's in their own folders),
/// so a spec or code change that alters it shows as a diff in review. When it changes on purpose, run the tests with
/// <c>TEGEN_ACCEPT_API=1</c> to rewrite the file, and commit it.
/// </summary>
public class PublicApiBaselineTests
{
    private static readonly string Approved = RepoPaths.Combine("src", "TeGen.Client", "PublicAPI.approved.txt");

    [Fact]
    public void The_public_API_matches_the_committed_baseline() => Matches(typeof(TotalExpertConnection).Assembly, Approved);

    // The webhook receiver's package has a baseline of its own.
    [Fact]
    public void The_AspNetCore_packages_public_API_matches_its_committed_baseline() =>
        Matches(typeof(AspNetCore.ITotalExpertWebhookHandler).Assembly, RepoPaths.Combine("src", "TeGen.Client.AspNetCore", "PublicAPI.approved.txt"));

    [Fact]
    public void The_Kiota_packages_public_API_matches_its_committed_baseline() =>
        Matches(typeof(TeGen.Client.Auth.TotalExpertAccessTokenProvider).Assembly, RepoPaths.Combine("src", "TeGen.Client.Kiota", "PublicAPI.approved.txt"));

    private static void Matches(System.Reflection.Assembly assembly, string approvedFile)
    {
        var actual = assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("TEGEN_ACCEPT_API") == "1")
        {
            File.WriteAllText(approvedFile, actual);
        }

        var approved = File.Exists(approvedFile) ? File.ReadAllText(approvedFile).ReplaceLineEndings("\n") : "";
        if (approved != actual)
        {
            var received = Path.ChangeExtension(approvedFile, ".received.txt");
            File.WriteAllText(received, actual);
            var firstDifference = approved.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
            var line = actual[..firstDifference].Count(c => c == '\n') + 1;
            Assert.Fail($"{assembly.GetName().Name}'s public API changed (first difference at line {line}); compare {received} with {approvedFile}, "
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
