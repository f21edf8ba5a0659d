namespace TeGen.Analyzers;

/// <summary>
/// TE's insight type naming, <c>"&lt;Partner&gt;: &lt;Event&gt;"</c>, as TeGen.Client's InsightTypeNames applies
/// it at run time (the analyzer cannot reference the SDK, so the rule is restated here).
/// </summary>
internal static class InsightTypeNaming
{
    public const string Separator = ": ";

    /// <summary>The prefix without surrounding blanks or a trailing colon; <c>null</c> when nothing is left.</summary>
    public static string? NormalizePrefix(string? prefix)
    {
        var normalized = prefix?.Trim().TrimEnd(':').TrimEnd();
        return string.IsNullOrEmpty(normalized) ? null : normalized;
    }

    /// <summary>Whether <paramref name="name"/> is <c>"&lt;prefix&gt;: &lt;something&gt;"</c>.</summary>
    public static bool HasPrefix(string name, string prefix) =>
        name.StartsWith(prefix + Separator, StringComparison.Ordinal) && name.Length > prefix.Length + Separator.Length;

    /// <summary>Whether <paramref name="name"/> carries some <c>"&lt;Partner&gt;: "</c> prefix at all.</summary>
    public static bool HasAnyPrefix(string name)
    {
        var at = name.IndexOf(Separator, StringComparison.Ordinal);
        return at > 0 && name.Substring(0, at).Trim().Length > 0 && at + Separator.Length < name.Length;
    }

    /// <summary>
    /// The name with <paramref name="prefix"/> in front, as the code fix writes it. A prefix already there is
    /// replaced, not kept behind ours: another partner's (<c>"Beta Bank: Loan"</c>) or ours written differently
    /// (<c>"Acme Lending:Loan"</c>, <c>"acme lending : Loan"</c>). The text before the first colon counts as a prefix.
    /// </summary>
    public static string WithPrefix(string prefix, string name)
    {
        var trimmed = name.Trim();
        var colon = trimmed.IndexOf(':');
        var hasPrefix = colon > 0 && trimmed.Substring(0, colon).Trim().Length > 0 && trimmed.Substring(colon + 1).Trim().Length > 0;
        return prefix + Separator + (hasPrefix ? trimmed.Substring(colon + 1).Trim() : trimmed);
    }
}
