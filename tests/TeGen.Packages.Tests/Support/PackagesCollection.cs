namespace TeGen.Packages.Tests.Support;

/// <summary>Packing takes most of this project's time: every test class shares one packed feed.</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "Packed packages";
}
