namespace TeGen.Build.Tests;

/// <summary>The consumer build tests share one packed TeGen.Build and run one after another (each build is heavy).</summary>
[CollectionDefinition(Name)]
public sealed class PackedTeGenBuildCollection : ICollectionFixture<PackedTeGenBuild>
{
    public const string Name = "Packed TeGen.Build";
}
