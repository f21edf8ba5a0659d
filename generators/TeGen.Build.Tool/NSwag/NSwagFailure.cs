using System.Globalization;
using System.Text.RegularExpressions;
using TeGen.Build.Specs;

namespace TeGen.Build.NSwag;

/// <summary>
/// Turns NSwag's console output after a failed run (a banner, then a message or an exception with its stack trace)
/// into one diagnostic: TEGEN001 when the message is about the spec (a position, a reference, a JSON/YAML reader),
/// TEGEN003 "NSwag failed" otherwise (unknown switches, a missing runtime, a crash), never a spec error for those.
/// </summary>
public static partial class NSwagFailure
{
    /// <summary>Explains a failed NSwag run over <paramref name="specFile"/>.</summary>
    /// <param name="specFile">The spec as written, named in the diagnostic.</param>
    /// <param name="readSpecFile">Whether NSwag read <paramref name="specFile"/> itself (so its line numbers apply to it) rather than a normalized copy.</param>
    /// <param name="exitCode">NSwag's exit code.</param>
    /// <param name="output">NSwag's standard output and error lines.</param>
    public static SpecDiagnostic Explain(string specFile, bool readSpecFile, int exitCode, IEnumerable<string> output)
    {
        var message = output.Select(l => l.Trim()).FirstOrDefault(IsMessage);
        if (message is null)
        {
            return Failed(specFile, string.Create(CultureInfo.InvariantCulture, $"NSwag failed (exit code {exitCode}) without a message."));
        }

        var isSpecError = SpecError().IsMatch(message);
        message = ExceptionType().Replace(message, string.Empty);
        if (!isSpecError)
        {
            return Failed(specFile, string.Create(CultureInfo.InvariantCulture, $"NSwag failed (exit code {exitCode}): {message} Check the TeGenSpec's AdditionalArguments and the NSwag installation."));
        }

        int line = 0, column = 0;
        var position = Position().Match(message);
        if (position.Success)
        {
            message = Position().Replace(message, string.Empty).Trim();
            if (readSpecFile)
            {
                line = int.Parse(position.Groups[1].Value, CultureInfo.InvariantCulture);
                column = int.Parse(position.Groups[2].Value, CultureInfo.InvariantCulture);
            }
        }

        return new SpecDiagnostic(SpecDiagnosticCodes.InvalidSpec, SpecDiagnosticSeverity.Error, specFile, line, column,
            "The OpenAPI description is invalid: " + message);
    }

    private static SpecDiagnostic Failed(string specFile, string message) =>
        new(SpecDiagnosticCodes.NSwagFailed, SpecDiagnosticSeverity.Error, specFile, 0, 0, message);

    private static bool IsMessage(string line) =>
        line.Length > 0 && !line.StartsWith("at ", StringComparison.Ordinal) && !line.StartsWith("---", StringComparison.Ordinal)
        && !line.StartsWith("NSwag command line tool", StringComparison.Ordinal) && !line.StartsWith("Visit http", StringComparison.Ordinal)
        && !line.StartsWith("NSwag bin directory", StringComparison.Ordinal);

    [GeneratedRegex(@"\(Line: \d+, Col: \d+|'#/|Json(Reader|Serialization)Exception|YamlException|Could not resolve|Unable to resolve|Exception during deserialization")]
    private static partial Regex SpecError();

    [GeneratedRegex(@"^[\w.]+Exception:\s*")]
    private static partial Regex ExceptionType();

    [GeneratedRegex(@"\(Line: (\d+), Col: (\d+), Idx: \d+\)( - \(Line: \d+, Col: \d+, Idx: \d+\))?:?\s*")]
    private static partial Regex Position();
}
