namespace TeGen.Tool.Import;

/// <summary>Why a row cannot be sent: the line of the input, the TE field (or column) and what is wrong.</summary>
internal sealed record RowProblem(int Line, string Field, string Message)
{
    public override string ToString() => $"line {Line}: {Field}: {Message}";
}
