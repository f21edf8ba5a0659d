using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
    // Commas in .editorconfig; the MSBuild list separator ';' in <TeGenRequiredGroups>, which the TeGen.Client props
    // turn into commas before MSBuild writes the compiler's config (an .editorconfig value ends at ';' or '#'). A ';'
    // that arrives anyway is accepted too.
    private static readonly char[] GroupSeparators = [',', ';'];

    // Parsed once per file and options: every rule asks for every node it looks at.
    private static readonly ConditionalWeakTable<AnalyzerConfigOptionsProvider, ConcurrentDictionary<SyntaxTree, TeGenSettings>> Cache = new();

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
            .Distinct(StringComparer.OrdinalIgnoreCase)
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

    /// <summary><c>tegen.required_groups</c>: group names separated by commas (or semicolons), compared ignoring case as the SDK does.</summary>
    public ImmutableArray<string> RequiredGroups { get; }

    public static TeGenSettings For(AnalyzerOptions options, SyntaxTree tree)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        return Cache.GetValue(provider, _ => new ConcurrentDictionary<SyntaxTree, TeGenSettings>())
            .GetOrAdd(tree, t => new TeGenSettings(provider.GetOptions(t), provider.GlobalOptions));
    }

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
