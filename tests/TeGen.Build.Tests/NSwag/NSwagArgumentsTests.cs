using TeGen.Build.NSwag;

namespace TeGen.Build.Tests.NSwag;

public class NSwagArgumentsTests
{
    [Fact]
    public void An_additional_switch_replaces_the_default_of_the_same_name_where_it_stood()
    {
        var merged = NSwagArguments.Merge(
            ["/namespace:Acme", "/operationGenerationMode:MultipleClientsFromFirstTagAndOperationId", "/useBaseUrl:false"],
            ["/OperationGenerationMode:SingleClientFromOperationId", "/clientBaseClass:Base"]);

        Assert.Equal(["/namespace:Acme", "/OperationGenerationMode:SingleClientFromOperationId", "/useBaseUrl:false", "/clientBaseClass:Base"], merged);
    }

    [Fact]
    public void The_later_of_two_additional_switches_wins_and_non_switches_are_kept()
    {
        var merged = NSwagArguments.Merge(["openapi2csclient", "/className:A"], ["/className:B", "/className:C"]);

        Assert.Equal(["openapi2csclient", "/className:C"], merged);
    }

    [Fact]
    public void Command_lines_split_on_spaces_outside_quotes()
    {
        Assert.Equal(
            ["dotnet", "/a b/dotnet-nswag.dll", "/templateDirectory:/x y/", "/empty:", ""],
            CommandLine.Split("""dotnet "/a b/dotnet-nswag.dll"  "/templateDirectory:/x y/" /empty: "" """));
        Assert.Empty(CommandLine.Split("   "));
        Assert.Empty(CommandLine.Split(null));
    }
}
