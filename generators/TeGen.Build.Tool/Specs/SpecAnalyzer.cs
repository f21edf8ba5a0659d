using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using TeGen.Build.Specs.Rules;

namespace TeGen.Build.Specs;

/// <summary>
/// Checks an OpenAPI description (YAML or JSON, OpenAPI 3 or Swagger 2) the way TeGen.Build does before
/// generating: invalid YAML and dangling references (TEGEN001), operations without a response schema (TEGEN010),
/// unknown schema types (TEGEN011), repeated operationIds (TEGEN012), and the names that must be rewritten as
/// C# identifiers. Every diagnostic points at the spec as written.
/// </summary>
public static class SpecAnalyzer
{
    /// <summary>Reads and checks the spec at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SpecAnalysis Analyze(string path, SpecAnalysisOptions? options = null)
    {
        using var reader = new StreamReader(path);
        return Analyze(path, reader, options ?? new SpecAnalysisOptions());
    }

    /// <summary>Checks a spec read from <paramref name="reader"/>; <paramref name="path"/> is only used in diagnostics.</summary>
    public static SpecAnalysis Analyze(string path, TextReader reader, SpecAnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(reader);
        var text = reader.ReadToEnd();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception exception) when (exception is YamlException or InvalidOperationException)
        {
            return new SpecAnalysis([Invalid(path, YamlFailurePosition.Find(text), exception)], null);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new SpecAnalysis([new SpecDiagnostic(SpecDiagnosticCodes.InvalidSpec, SpecDiagnosticSeverity.Error, path, 1, 1, "The OpenAPI description is invalid: the file is not a YAML or JSON object.")], null);
        }

        var context = new SpecRuleContext(new SpecDocument(path, stream, root), options);
        ReferenceRule.Apply(context);
        UntypedOperationRule.Apply(context);
        SchemaTypeRule.Apply(context);
        OperationIdRule.Apply(context);
        TagRule.Apply(context);
        if (options.CamelCaseParameters)
        {
            ParameterRule.Apply(context);
        }

        SchemaNameRule.Apply(context);

        var diagnostics = context.Diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
        if (context.Changed && ReferenceRule.HasExternalReferences(context.Document))
        {
            diagnostics.Add(new SpecDiagnostic(SpecDiagnosticCodes.ExternalReferences, SpecDiagnosticSeverity.Warning, path, 0, 0,
                "The spec refers to other files, so its names are not rewritten as C# identifiers: generated code may not compile if names contain spaces or punctuation."));
            return new SpecAnalysis(diagnostics, null, context.OperationNames);
        }

        return new SpecAnalysis(diagnostics, context.Changed ? stream : null, context.OperationNames);
    }

    private static SpecDiagnostic Invalid(string path, Mark at, Exception exception)
    {
        var reason = exception is YamlException yaml ? ": " + yaml.Message : ".";
        return new(SpecDiagnosticCodes.InvalidSpec, SpecDiagnosticSeverity.Error, path, (int)at.Line, (int)at.Column,
            "The OpenAPI description is invalid: the YAML starting here cannot be read (check brackets, quotes and indentation)" + reason);
    }
}
