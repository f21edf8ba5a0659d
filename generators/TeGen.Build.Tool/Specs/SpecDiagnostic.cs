using System.Globalization;

namespace TeGen.Build.Specs;

/// <summary>One finding about a spec, positioned in the spec file as the author wrote it.</summary>
/// <param name="Code">The TEGEN code, e.g. <c>TEGEN010</c> (see <see cref="SpecDiagnosticCodes"/>).</param>
/// <param name="Severity">Whether the build can go on.</param>
/// <param name="File">The spec file the position refers to.</param>
/// <param name="Line">1-based line, or 0 when the finding concerns the whole file.</param>
/// <param name="Column">1-based column, or 0.</param>
/// <param name="Message">What is wrong and what the generated code does about it.</param>
public sealed record SpecDiagnostic(string Code, SpecDiagnosticSeverity Severity, string File, int Line, int Column, string Message)
{
    /// <summary>
    /// The line in MSBuild's canonical error format (<c>file(line,col): TeGen warning TEGEN010: ...</c>), which
    /// MSBuild's Exec task and IDEs turn into a clickable warning or error.
    /// </summary>
    public string ToMSBuildFormat()
    {
        var position = Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"({Line},{Math.Max(Column, 1)})") : string.Empty;
        var kind = Severity == SpecDiagnosticSeverity.Error ? "error" : "warning";
        return $"{File}{position}: TeGen {kind} {Code}: {Message}";
    }
}
