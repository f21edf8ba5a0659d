using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TeGen.Analyzers;

/// <summary>
/// What a project tells the analyzers about its TE setup. Each setting is read from the .editorconfig key
/// <c>tegen.&lt;key&gt;</c> of the file being analysed, else from the MSBuild property <c>TeGen&lt;Key&gt;</c>
/// (made visible to the compiler by the TeGen.Client package's buildTransitive props).
/// </summary>
internal sealed class TeGenSettings
{
    // Commas: .editorconfig (and the global config MSBuild properties reach the compiler through) ends a value at
    // ';' or '#', taking the rest for a comment. A ';' that arrives anyway is accepted too.
    private static readonly char[] GroupSeparators = [',', ';'];

    private TeGenSettings(AnalyzerConfigOptions file, AnalyzerConfigOptions global)
    {
        var mode = Read(file, global, "mode", "TeGenMode");
        IsAdminMode = string.Equals(mode, "admin", StringComparison.OrdinalIgnoreCase);
        IsUserMode = string.Equals(mode, "user", StringComparison.OrdinalIgnoreCase);
        DefaultOwner = OwnerSetting.Parse(Read(file, global, "default_owner", "TeGenDefaultOwner"));
        PartnerPrefix = InsightTypeNaming.NormalizePrefix(Read(file, global, "partner_prefix", "TeGenPartnerPrefix"));
        RequiredGroups = (Read(file, global, "required_groups", "TeGenRequiredGroups") ?? string.Empty)
            .Split(GroupSeparators)
            .Select(g => g.Trim())
            .Where(g => g.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary><c>tegen.mode = admin</c>: creates whose client cannot be seen act As Admin.</summary>
    public bool IsAdminMode { get; }

    /// <summary><c>tegen.mode = user</c>: creates whose client cannot be seen act As a User.</summary>
    public bool IsUserMode { get; }

    /// <summary><c>tegen.default_owner</c>, when it is one of the recognised forms.</summary>
    public OwnerSetting? DefaultOwner { get; }

    /// <summary><c>tegen.partner_prefix</c> without blanks or a trailing colon; <c>null</c> when not set.</summary>
    public string? PartnerPrefix { get; }

    /// <summary><c>tegen.required_groups</c>: group names separated by commas.</summary>
    public ImmutableArray<string> RequiredGroups { get; }

    public static TeGenSettings For(AnalyzerOptions options, SyntaxTree tree) =>
        new TeGenSettings(options.AnalyzerConfigOptionsProvider.GetOptions(tree), options.AnalyzerConfigOptionsProvider.GlobalOptions);

    private static string? Read(AnalyzerConfigOptions file, AnalyzerConfigOptions global, string key, string property)
    {
        foreach (var (options, name) in new[] { (file, "tegen." + key), (global, "tegen." + key), (global, "build_property." + property) })
        {
            if (options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }
}
