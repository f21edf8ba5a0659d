namespace TeGen.Client;

/// <summary>
/// Insight type names carry the partner's prefix, <c>"&lt;Partner&gt;: &lt;Event&gt;"</c> (TE's guide:
/// "Lending Software: Loan application submitted"), so that TE can tell which integration an event came from.
/// </summary>
public static class InsightTypeNames
{
    /// <summary>The separator between the partner prefix and the event.</summary>
    public const string Separator = ": ";

    /// <summary>Builds <c>"&lt;partnerPrefix&gt;: &lt;eventName&gt;"</c>.</summary>
    /// <param name="partnerPrefix">The partner's name, e.g. <c>Lending Software</c> (a trailing colon is ignored).</param>
    /// <param name="eventName">The event, e.g. <c>Loan application submitted</c>.</param>
    /// <exception cref="ArgumentException">Either part is empty, or the event already carries a prefix.</exception>
    public static string Compose(string partnerPrefix, string eventName)
    {
        var prefix = NormalizePrefix(partnerPrefix) ?? throw new ArgumentException("The partner prefix cannot be empty.", nameof(partnerPrefix));
        if (string.IsNullOrWhiteSpace(eventName))
        {
            throw new ArgumentException("The event name cannot be empty.", nameof(eventName));
        }

        var name = eventName.Trim();
        if (name.StartsWith(prefix + Separator, StringComparison.Ordinal))
        {
            return name;
        }

        return prefix + Separator + name;
    }

    /// <summary>Whether <paramref name="typeName"/> starts with <c>"&lt;partnerPrefix&gt;: "</c>.</summary>
    /// <param name="typeName">An insight type name.</param>
    /// <param name="partnerPrefix">The partner's name.</param>
    public static bool HasPrefix(string? typeName, string partnerPrefix) =>
        typeName is not null && NormalizePrefix(partnerPrefix) is { } prefix && typeName.StartsWith(prefix + Separator, StringComparison.Ordinal) && typeName.Length > prefix.Length + Separator.Length;

    /// <summary>Whether <paramref name="typeName"/> carries some <c>"&lt;Partner&gt;: "</c> prefix at all.</summary>
    /// <param name="typeName">An insight type name.</param>
    public static bool HasAnyPrefix(string? typeName)
    {
        var at = typeName?.IndexOf(Separator, StringComparison.Ordinal) ?? -1;
        return at > 0 && !string.IsNullOrWhiteSpace(typeName![..at]) && at + Separator.Length < typeName.Length;
    }

    /// <summary>The prefix without surrounding blanks or a trailing colon; <c>null</c> when nothing is left.</summary>
    internal static string? NormalizePrefix(string? partnerPrefix)
    {
        var prefix = partnerPrefix?.Trim().TrimEnd(':').TrimEnd();
        return string.IsNullOrEmpty(prefix) ? null : prefix;
    }
}
