using System.IO.Compression;
using System.Xml.Linq;

namespace TeGen.Packages.Tests.Support;

/// <summary>A .nupkg or .snupkg opened for reading: its entries and its nuspec.</summary>
public sealed class PackageFile : IDisposable
{
    private readonly ZipArchive _zip;

    private PackageFile(ZipArchive zip)
    {
        _zip = zip;
        var nuspec = zip.Entries.Single(e => !e.FullName.Contains('/') && e.Name.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        Metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public static PackageFile Open(string path) => new(ZipFile.OpenRead(path));

    /// <summary>The nuspec's &lt;metadata&gt; element.</summary>
    public XElement Metadata { get; }

    /// <summary>Paths of the package's own files (NuGet's bookkeeping left out).</summary>
    public IReadOnlyList<string> Files => _zip.Entries
        .Select(e => e.FullName)
        .Where(p => !p.StartsWith("_rels/", StringComparison.Ordinal) && !p.StartsWith("package/", StringComparison.Ordinal)
            && p != "[Content_Types].xml" && !p.EndsWith(".nuspec", StringComparison.Ordinal))
        .ToList();

    /// <summary>The metadata element <paramref name="name"/> (nuspec namespaces ignored), or null.</summary>
    public XElement? Element(string name) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

    public byte[] Read(string path)
    {
        var entry = _zip.GetEntry(path) ?? throw new InvalidOperationException($"The package has no {path}.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose() => _zip.Dispose();
}
