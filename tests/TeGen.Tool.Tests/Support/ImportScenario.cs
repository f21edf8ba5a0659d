using TeGen.Sandbox;

namespace TeGen.Tool.Tests.Support;

/// <summary>
/// A sandbox at the scaled-down limit, a folder of the test's own and a generated contact file in it, with the settings
/// and the import command line that send it.
/// </summary>
internal sealed class ImportScenario : IAsyncDisposable
{
    private ImportScenario(TeSandbox sandbox, TempDirectory temp, string input, HashSet<int> invalid)
    {
        Sandbox = sandbox;
        Temp = temp;
        Input = input;
        Invalid = invalid;
        Settings = ToolRun.Settings(sandbox, temp.File("tokens"), SandboxFactory.RequestLimit, SandboxFactory.Window);
    }

    public TeSandbox Sandbox { get; }

    public TempDirectory Temp { get; }

    public string Input { get; }

    /// <summary>The file lines of the invalid rows.</summary>
    public HashSet<int> Invalid { get; }

    public Dictionary<string, string?> Settings { get; }

    /// <summary><c>import contacts FILE</c> owned by user 101, source "Legacy CRM", and <paramref name="more"/>.</summary>
    public string[] ImportArgs(params string[] more) => ["import", "contacts", Input, "--owner", "id:101", "--source", "Legacy CRM", .. more];

    public static async Task<ImportScenario> StartAsync(int rows, int invalidEvery, string tag)
    {
        var sandbox = await SandboxFactory.StartAsync();
        var temp = new TempDirectory();
        var input = temp.File("contacts.csv");
        return new ImportScenario(sandbox, temp, input, ContactFiles.WriteCsv(input, rows, invalidEvery, tag));
    }

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        Temp.Dispose();
    }
}
