namespace TeGen.Build.Tests;

/// <summary>A customer project on disk that uses TeGen.Build through its NuGet package.</summary>
internal sealed class ConsumerProject(string directory, string teGenBuildVersion)
{
    public string Directory { get; } = directory;

    public string SpecPath => Path.Combine(Directory, "pets.openapi.yaml");

    public string GeneratedFile => Path.Combine(Directory, "obj", "Debug", "net10.0", "TeGen", "pets.openapi.g.cs");

    public Task<DotnetCli.Result> BuildAsync() =>
        DotnetCli.RunAsync(Directory, "build", "-v:n", "-nodeReuse:false", $"-p:TeGenBuildVersion={teGenBuildVersion}");

    public Task<DotnetCli.Result> RunBuiltAsync() =>
        DotnetCli.RunAsync(Directory, Path.Combine(Directory, "bin", "Debug", "net10.0", "Consumer.dll"));

    public void EditSpec(Func<string, string> edit) => File.WriteAllText(SpecPath, edit(File.ReadAllText(SpecPath)));

    public void EditProject(Func<string, string> edit)
    {
        var project = Path.Combine(Directory, "Consumer.csproj");
        File.WriteAllText(project, edit(File.ReadAllText(project)));
    }
}
