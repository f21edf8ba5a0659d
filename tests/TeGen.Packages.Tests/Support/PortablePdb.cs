using System.Reflection.Metadata;
using System.Text;
using System.Text.Json;

namespace TeGen.Packages.Tests.Support;

/// <summary>What a debugger learns from a portable PDB: where each source document can be downloaded, and which are embedded.</summary>
public sealed class PortablePdb
{
    // Custom debug information kinds, from the Portable PDB specification.
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    private PortablePdb(IReadOnlyDictionary<string, string> sourceLink, IReadOnlyList<string> documents, IReadOnlyList<string> embedded)
    {
        SourceLink = sourceLink;
        Documents = documents;
        EmbeddedDocuments = embedded;
    }

    /// <summary>SourceLink's map: a local path pattern (ending in <c>*</c>) to a URL pattern.</summary>
    public IReadOnlyDictionary<string, string> SourceLink { get; }

    /// <summary>Every source document the PDB names.</summary>
    public IReadOnlyList<string> Documents { get; }

    /// <summary>The documents whose text is embedded in the PDB.</summary>
    public IReadOnlyList<string> EmbeddedDocuments { get; }

    public static PortablePdb Read(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdb));
        var reader = provider.GetMetadataReader();
        var sourceLink = new Dictionary<string, string>();
        var embedded = new List<string>();
        foreach (var handle in reader.CustomDebugInformation)
        {
            var information = reader.GetCustomDebugInformation(handle);
            var kind = reader.GetGuid(information.Kind);
            if (kind == SourceLinkKind)
            {
                var json = Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value));
                foreach (var entry in JsonDocument.Parse(json).RootElement.GetProperty("documents").EnumerateObject())
                {
                    sourceLink[entry.Name] = entry.Value.GetString()!;
                }
            }
            else if (kind == EmbeddedSourceKind && information.Parent.Kind == HandleKind.Document)
            {
                embedded.Add(reader.GetString(reader.GetDocument((DocumentHandle)information.Parent).Name));
            }
        }

        var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
        return new PortablePdb(sourceLink, documents, embedded);
    }
}
