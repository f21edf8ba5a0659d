namespace TeGen.Build.NSwag;

/// <summary>
/// Builds NSwag's argument list. NSwag refuses a switch given twice, so a switch in the project's
/// <c>AdditionalArguments</c> replaces the default of the same name (compared ignoring case) where it stood, and
/// other additional switches follow the defaults.
/// </summary>
public static class NSwagArguments
{
    /// <summary>Merges <paramref name="additional"/> into <paramref name="defaults"/>; the later of two equal switches wins.</summary>
    public static IReadOnlyList<string> Merge(IEnumerable<string> defaults, IEnumerable<string> additional)
    {
        var merged = new List<string>();
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in defaults.Concat(additional))
        {
            var name = SwitchName(argument);
            if (name is not null && positions.TryGetValue(name, out var at))
            {
                merged[at] = argument;
                continue;
            }

            if (name is not null)
            {
                positions[name] = merged.Count;
            }

            merged.Add(argument);
        }

        return merged;
    }

    /// <summary><c>/namespace:Acme</c> → <c>namespace</c>; an argument that is not a switch → null.</summary>
    public static string? SwitchName(string argument)
    {
        if (argument.Length < 2 || argument[0] != '/')
        {
            return null;
        }

        var colon = argument.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? argument[1..] : argument[1..colon];
    }
}
