namespace TeGen.Build.Tests;

/// <summary>
/// What a project can say about generation, in consumer builds of the packed package: AdditionalArguments
/// replacing a default, two specs with one file name, the TeGenGenerateDependsOn extension point, TeGenEnabled,
/// design-time builds, and the TEGEN errors for settings that cannot work (one namespace for two specs, switches NSwag refuses,
/// untyped operations made errors).
/// </summary>
[Collection(PackedTeGenBuildCollection.Name)]
public class ProjectSettingsBuildTests(PackedTeGenBuild package)
{
    private const string Generating = "TeGen: generating";

    [Fact]
    public async Task Same_file_name_in_two_folders_an_overriding_switch_and_a_DependsOn_target_build_together()
    {
        var consumer = package.NewConsumer();
        Directory.CreateDirectory(Path.Combine(consumer.Directory, "more"));
        File.Copy(consumer.SpecPath, Path.Combine(consumer.Directory, "more", "pets.openapi.yaml"));
        consumer.EditProject(project => project.Replace(
            """<TeGenSpec Include="pets.openapi.yaml" Namespace="Acme.Pets" />""",
            """
            <TeGenSpec Include="pets.openapi.yaml" Namespace="Acme.Pets" />
                <!-- Both switches have defaults: NSwag refuses a switch given twice, so these must replace them. -->
                <TeGenSpec Include="more/pets.openapi.yaml" Namespace="Acme.MorePets" AdditionalArguments="/operationGenerationMode:SingleClientFromOperationId /className:MorePetsApi" />
              </ItemGroup>
              <PropertyGroup>
                <TeGenGenerateDependsOn>$(TeGenGenerateDependsOn);ProduceSpec</TeGenGenerateDependsOn>
              </PropertyGroup>
              <Target Name="ProduceSpec">
                <Message Importance="high" Text="ProduceSpec ran before generation" />
              </Target>
              <ItemGroup>
            """));
        var program = Path.Combine(consumer.Directory, "Program.cs");
        File.WriteAllText(program, File.ReadAllText(program).Replace("using Acme.Pets;\n", "using Acme.Pets;\nConsole.WriteLine(typeof(Acme.MorePets.MorePetsApi).FullName);\n", StringComparison.Ordinal));

        var build = await consumer.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("Unrecognised", build.Output);
        var generated = Directory.GetFiles(consumer.GeneratedDirectory, "pets.openapi.*.g.cs");
        Assert.Equal(2, generated.Length);
        Assert.Single(generated, f => File.ReadAllText(f).Contains("partial class MorePetsApi", StringComparison.Ordinal));
        var custom = build.Output.IndexOf("ProduceSpec ran before generation", StringComparison.Ordinal);
        Assert.True(custom >= 0 && custom < build.Output.IndexOf(Generating, StringComparison.Ordinal), build.ToString());

        var run = await consumer.RunBuiltAsync();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("Acme.MorePets.MorePetsApi", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeGenEnabled_false_generates_nothing()
    {
        var consumer = package.NewConsumer();
        consumer.WriteProgram("System.Console.WriteLine(\"no client\");");

        var build = await consumer.BuildAsync("-p:TeGenEnabled=false");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain(Generating, build.Output);
        Assert.False(Directory.Exists(consumer.GeneratedDirectory) && Directory.EnumerateFiles(consumer.GeneratedDirectory).Any());
    }

    [Fact]
    public async Task Design_time_builds_compile_the_last_client_without_generating()
    {
        var consumer = package.NewConsumer();
        var first = await consumer.BuildAsync();
        Assert.True(first.ExitCode == 0, first.ToString());
        consumer.EditSpec(spec => spec.Replace("owner_email: {type: string}", "owner_email: {type: string}\n        nickname: {type: string}"));
        // An edited Program.cs makes the compiler run, and it needs the generated types.
        File.AppendAllText(Path.Combine(consumer.Directory, "Program.cs"), "\n// edited\n");

        var designTime = await consumer.BuildAsync("-p:DesignTimeBuild=true");

        Assert.True(designTime.ExitCode == 0, designTime.ToString());
        Assert.DoesNotContain(Generating, designTime.Output);
        Assert.DoesNotContain("Nickname", File.ReadAllText(consumer.GeneratedFile), StringComparison.Ordinal);
        // The compiler was still given the client the last real build generated.
        Assert.Contains(consumer.GeneratedFile, designTime.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_specs_in_one_namespace_fail_with_TEGEN004_naming_both()
    {
        var consumer = package.NewConsumer();
        File.Copy(consumer.SpecPath, Path.Combine(consumer.Directory, "shop.openapi.yaml"));
        consumer.EditProject(project => project.Replace(
            """<TeGenSpec Include="pets.openapi.yaml" Namespace="Acme.Pets" />""",
            """<TeGenSpec Include="pets.openapi.yaml" Namespace="Acme.Pets" /><TeGenSpec Include="shop.openapi.yaml" Namespace="Acme.Pets" />"""));

        var build = await consumer.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error TEGEN004", build.Output);
        Assert.Contains("pets.openapi.yaml and ", build.Output);
        Assert.Contains("shop.openapi.yaml generate into one namespace, Acme.Pets", build.Output);
        Assert.DoesNotMatch(@"error CS\d+", build.Output);
    }

    [Fact]
    public async Task A_switch_NSwag_refuses_is_an_NSwag_failure_not_an_invalid_spec()
    {
        var consumer = package.NewConsumer();
        consumer.EditProject(project => project.Replace("Namespace=\"Acme.Pets\"", "Namespace=\"Acme.Pets\" AdditionalArguments=\"/noSuchSwitch:true\""));

        var build = await consumer.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        // MSBuild writes an error without a line as "file : ...".
        Assert.Contains($"{consumer.SpecPath} : TeGen error TEGEN003: NSwag failed (exit code", build.Output);
        Assert.Contains("noSuchSwitch", build.Output);
        Assert.DoesNotContain("TEGEN001", build.Output);
        Assert.DoesNotContain("The OpenAPI description is invalid", build.Output);
    }

    [Fact]
    public async Task Untyped_operations_become_errors_when_the_project_says_so()
    {
        var consumer = package.NewConsumer();
        consumer.EditSpec(spec => spec.Replace(
            "schema: {$ref: '#/components/schemas/Heartbeat'}",
            "example: {running_item: Pets API}"));
        var line = File.ReadAllLines(consumer.SpecPath).ToList().FindIndex(l => l.Contains("/v1/store/heartbeat:", StringComparison.Ordinal)) + 2;

        var build = await consumer.BuildAsync("-p:TeGenUntypedOperationsAsErrors=true");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains($"{consumer.SpecPath}({line},5): TeGen error TEGEN010: Operation 'GetHeartbeat' (GET /v1/store/heartbeat) has no response schema", build.Output);
        Assert.False(File.Exists(consumer.GeneratedFile));
    }
}
