using System.CommandLine;
using TeGen.Tool.Import;

namespace TeGen.Tool.Cli;

/// <summary>The <c>tegen</c> command line: <c>import</c>, <c>export</c>, <c>sandbox</c> and <c>spec</c>.</summary>
internal static class TegenCli
{
    public static RootCommand Create(ToolEnvironment environment)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("tegen: the long jobs of a Total Expert integration — bulk import with progress and resume, export, the local TE sandbox, spec checks and diffs.");
        global.AddTo(root);
        root.Add(ImportCommand.Create(global, environment));
        root.Add(Export.ExportCommand.Create(global, environment));
        root.Add(Specs.SpecCommand.Create(global, environment, new Specs.BuildSpecChecker()));
        root.Add(Emulator.SandboxCommand.Create(global, environment));
        return root;
    }

    public static Task<int> RunAsync(string[] args, ToolEnvironment environment, CancellationToken cancellationToken = default)
    {
        var root = Create(environment);
        var configuration = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,

            // Ctrl+C cancels the running command, which stops starting rows and lets those in flight be recorded.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(15),
        };
        return root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
