namespace TeGen.Tool.Specs;

/// <summary>One thing <c>spec check</c> reports: a parse error, or an operation that cannot be generated as typed code.</summary>
/// <param name="Kind"><see cref="Error"/>, <see cref="Warning"/>, <see cref="Untyped"/> (a success answer without a schema) or <see cref="Identifier"/> (a name that needs sanitizing).</param>
/// <param name="Message">What is wrong.</param>
/// <param name="OperationId">The operation, when the finding is about one.</param>
/// <param name="Method">Its HTTP method.</param>
/// <param name="Path">Its path.</param>
/// <param name="Line">The line of the spec that declares it, when it can be found.</param>
internal sealed record SpecFinding(string Kind, string Message, string? OperationId = null, string? Method = null, string? Path = null, int? Line = null)
{
    public const string Error = "error";
    public const string Warning = "warning";
    public const string Untyped = "untyped";
    public const string Identifier = "identifier";

    public bool IsProblem => Kind != Warning;

    public override string ToString() =>
        OperationId is null && Method is null
            ? $"{Kind}{(Line is { } at ? $" (line {at})" : "")}: {Message}"
            : $"{Kind}: {OperationId ?? "(no operationId)"} {Method} {Path}{(Line is { } line ? $" (line {line})" : "")}: {Message}";
}
