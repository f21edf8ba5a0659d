namespace TeGen.Build.Tests;

/// <summary>
/// Builds a customer project that references the packed TeGen.Build package (from a local folder feed) and
/// declares its own spec: the generated client must compile, work, regenerate only when needed, and a broken
/// spec must fail the build with an error naming the spec file and line.
/// </summary>
[Collection(PackedTeGenBuildCollection.Name)]
public class ConsumerBuildTests(PackedTeGenBuild package)
{
    private const string Generating = "TeGen: generating";
    private const string Skipped = "Skipping target \"_TeGenGenerate\" because all output files are up-to-date";

    [Fact]
    public async Task Generated_client_compiles_and_serializes_as_the_spec_says()
    {
        var consumer = package.NewConsumer();

        var build = await consumer.BuildAsync();
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains(Generating, build.Output);
        Assert.True(File.Exists(consumer.GeneratedFile));

        var run = await consumer.RunBuiltAsync();
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "got 7 Tom bad cat",
                // Enum values are their JSON spelling, read and written; unset optional properties are omitted.
                """sent {"pet_name":"Rex","pet_tag":"good boy"}""",
                "created 8",
                "heartbeat Pets API",
                "photo image/png",
                "photo refused: body, 0 sent",
            ],
            lines);
    }

    [Fact]
    public async Task Second_build_skips_generation_and_a_spec_edit_regenerates()
    {
        var consumer = package.NewConsumer();
        var first = await consumer.BuildAsync();
        Assert.True(first.ExitCode == 0, first.ToString());

        var second = await consumer.BuildAsync();
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(Skipped, second.Output);
        Assert.DoesNotContain(Generating, second.Output);

        consumer.EditSpec(spec => spec.Replace("owner_email: {type: string}", "owner_email: {type: string}\n        nickname: {type: string}"));
        var third = await consumer.BuildAsync();
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Contains(Generating, third.Output);
        Assert.Contains("public string? Nickname", File.ReadAllText(consumer.GeneratedFile));
    }

    [Fact]
    public async Task Changing_the_namespace_regenerates()
    {
        var consumer = package.NewConsumer();
        var first = await consumer.BuildAsync();
        Assert.True(first.ExitCode == 0, first.ToString());

        consumer.EditProject(project => project.Replace("Namespace=\"Acme.Pets\"", "Namespace=\"Acme.Animals\""));
        consumer.WriteProgram("System.Console.WriteLine(typeof(Acme.Animals.PetsClient).FullName);");
        var second = await consumer.BuildAsync();
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(Generating, second.Output);
    }

    [Fact]
    public async Task Invalid_yaml_fails_with_the_spec_file_and_line_and_no_stack_trace()
    {
        var consumer = package.NewConsumer();
        File.WriteAllText(consumer.SpecPath, "openapi: 3.0.3\ninfo: {title: Pets\npaths: {}\n");

        var build = await consumer.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        // The unterminated mapping opens on line 2.
        Assert.Contains($"{consumer.SpecPath}(2,", build.Output);
        Assert.Contains("TeGen error TEGEN001: The OpenAPI description is invalid: the YAML starting here cannot be read", build.Output);
        Assert.DoesNotContain("   at ", build.Output);
        Assert.False(File.Exists(consumer.GeneratedFile));
    }

    [Fact]
    public async Task Dangling_reference_fails_at_the_line_that_uses_it_and_leaves_no_stale_client()
    {
        var consumer = package.NewConsumer();
        var good = await consumer.BuildAsync();
        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.True(File.Exists(consumer.GeneratedFile));

        consumer.EditSpec(spec => spec.Replace("schema: {$ref: '#/components/schemas/NewPet'}", "schema: {$ref: '#/components/schemas/NewPett'}"));
        var lineOfReference = File.ReadAllLines(consumer.SpecPath).ToList().FindIndex(l => l.Contains("NewPett")) + 1;

        var broken = await consumer.BuildAsync();

        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains($"{consumer.SpecPath}({lineOfReference},", broken.Output);
        Assert.Contains("TEGEN001", broken.Output);
        Assert.Contains("#/components/schemas/NewPett", broken.Output);
        Assert.DoesNotContain("   at NJsonSchema", broken.Output);
        Assert.False(File.Exists(consumer.GeneratedFile), "a failed generation must not leave the previous client behind");

        // Nothing is remembered from the failure: fixing the spec builds again.
        consumer.EditSpec(spec => spec.Replace("NewPett", "NewPet"));
        var fixedBuild = await consumer.BuildAsync();
        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.ToString());
    }
}
