namespace TeGen.Build.Tests;

/// <summary>A customer project on disk that uses TeGen.Build through its NuGet package.</summary>
internal sealed class ConsumerProject(string directory, string name, string spec, string teGenBuildVersion)
{
    public string Directory { get; } = directory;

    public string SpecPath => Path.Combine(Directory, spec);

    public string GeneratedDirectory => Path.Combine(Directory, "obj", "Debug", "net10.0", "TeGen");

    public string GeneratedFile => Path.Combine(GeneratedDirectory, Path.GetFileNameWithoutExtension(spec) + ".g.cs");

    public string ProjectFile => Path.Combine(Directory, name + ".csproj");

    public Task<TeGen.Tests.ChildProcess.Result> BuildAsync(params string[] properties) =>
        DotnetCli.RunAsync(Directory, ["build", "-v:n", "-nodeReuse:false", $"-p:TeGenBuildVersion={teGenBuildVersion}", .. properties]);

    public Task<TeGen.Tests.ChildProcess.Result> RunBuiltAsync() =>
        DotnetCli.RunAsync(Directory, Path.Combine(Directory, "bin", "Debug", "net10.0", name + ".dll"));

    public void EditSpec(Func<string, string> edit) => File.WriteAllText(SpecPath, edit(File.ReadAllText(SpecPath)));

    public void EditProject(Func<string, string> edit) => File.WriteAllText(ProjectFile, edit(File.ReadAllText(ProjectFile)));

    public void WriteProgram(string code) => File.WriteAllText(Path.Combine(Directory, "Program.cs"), code);
}
