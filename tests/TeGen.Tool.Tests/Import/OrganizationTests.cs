using TeGen.Tool.Cli;
using TeGen.Tool.Tests.Support;

namespace TeGen.Tool.Tests.Import;

public sealed class OrganizationTests
{
    [Fact]
    public async Task Organization_imports_with_that_organizations_credentials_and_an_unknown_one_is_named()
    {
        await using var sandbox = await SandboxFactory.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.File("contacts.csv");
        ContactFiles.WriteCsv(input, rows: 10, invalidEvery: 0, tag: "org");
        var settings = new Dictionary<string, string?>
        {
            ["TotalExpert:BaseUrl"] = sandbox.BaseUrl.ToString(),
            ["TotalExpert:Organizations:acme:ClientId"] = sandbox.ClientId,
            ["TotalExpert:Organizations:acme:ClientSecret"] = sandbox.ClientSecret,
            ["TotalExpert:Organizations:acme:DefaultOwner:Username"] = "john-smith-acme",
            ["Tegen:TokenCache"] = temp.File("tokens"),
        };

        var unknown = await ToolRun.RunAsync(settings, "import", "contacts", input, "--organization", "globex", "--source", "Legacy CRM");
        Assert.Equal(ExitCodes.Failed, unknown.ExitCode);
        Assert.Contains("Organization 'globex' is not configured under TotalExpert:Organizations (configured: acme)", unknown.Error, StringComparison.Ordinal);

        var run = await ToolRun.RunAsync(settings, "import", "contacts", input, "--organization", "acme", "--source", "Legacy CRM", "--progress", "none");
        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);

        // The organization's own default owner (john-smith-acme, user 102) was applied by the SDK's rules.
        var contacts = sandbox.Inspector.GetState().Contacts;
        Assert.Equal(10, contacts.Count);
        Assert.All(contacts, c => Assert.Equal(102, c.OwnerId));
    }
}
