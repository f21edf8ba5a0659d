namespace TeGen.Tool.Import;

/// <summary>The input file cannot be read as CSV or JSON lines; names the line.</summary>
internal sealed class InputFormatException(string path, int line, string message)
    : Exception($"{Path.GetFileName(path)}, line {line}: {message}")
{
    public int Line { get; } = line;
}
