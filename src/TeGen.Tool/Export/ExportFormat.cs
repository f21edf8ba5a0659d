namespace TeGen.Tool.Export;

/// <summary>The file format of an export.</summary>
internal enum ExportFormat
{
    /// <summary>CSV with TE's field names as the header: importable again with the default mapping.</summary>
    Csv,

    /// <summary>One contact per line as TE returns it.</summary>
    Jsonl,
}
