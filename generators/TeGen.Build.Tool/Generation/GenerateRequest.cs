namespace TeGen.Build.Generation;

/// <summary>
/// One spec's generation as the MSBuild targets describe it, in the options file they write (one <c>key=value</c>
/// per line): that file is also the targets' input for incremental builds, so any change here regenerates.
/// </summary>
internal sealed record GenerateRequest(
    string Spec,
    string Output,
    string NormalizedCopy,
    string NSwagCommand,
    string Arguments,
    string AdditionalArguments,
    bool UntypedOperationsAsErrors,
    string ParameterNames)
{
    /// <summary>
    /// Parameter names are camelCased unless the spec says <c>AsWritten</c>, or says nothing in library mode
    /// (<c>/clientBaseClass:</c>), whose templates and hand-written base were written against NSwag's names.
    /// </summary>
    public bool CamelCaseParameters => ParameterNames.Length > 0
        ? !string.Equals(ParameterNames, "AsWritten", StringComparison.OrdinalIgnoreCase)
        : !AdditionalArguments.Contains("/clientBaseClass:", StringComparison.OrdinalIgnoreCase);

    public static GenerateRequest Read(string path)
    {
        var values = File.ReadAllLines(path)
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);

        string Get(string key) => values.TryGetValue(key, out var value) ? value : string.Empty;
        string Require(string key) => Get(key) is { Length: > 0 } value ? value : throw new InvalidDataException($"{path} has no {key}=");

        return new GenerateRequest(
            Require("spec"),
            Require("output"),
            Require("normalized"),
            Require("nswag"),
            Get("arguments"),
            Get("additional"),
            string.Equals(Get("untyped-as-errors"), "true", StringComparison.OrdinalIgnoreCase),
            Get("parameter-names"));
    }
}
