using System.Text;

namespace TeGen.Build.Specs;

/// <summary>
/// Turns spec names into the C# names a person would write: words are split at anything that is not a letter or
/// digit (and at snake_case underscores), then joined in PascalCase or camelCase. A name starting with a digit
/// gets a leading underscore; a camelCase name that is a C# keyword gets a trailing one.
/// </summary>
public static class CSharpIdentifiers
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Whether <paramref name="name"/> is letters and digits only, starting with a letter.</summary>
    public static bool IsPlain(string name) =>
        name.Length > 0 && char.IsLetter(name[0]) && name.All(char.IsLetterOrDigit);

    /// <summary><c>Lead Opportunities (New)</c> → <c>LeadOpportunitiesNew</c>; <c>contact_endpoints</c> → <c>ContactEndpoints</c>.</summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder();
        foreach (var word in Words(name))
        {
            builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
        }

        return Finish(builder);
    }

    /// <summary><c>first_name</c> → <c>firstName</c>; <c>page[number]</c> → <c>pageNumber</c>; <c>class</c> → <c>class_</c>.</summary>
    public static string ToCamelCase(string name)
    {
        var builder = new StringBuilder();
        foreach (var word in Words(name))
        {
            if (builder.Length == 0)
            {
                // An all-capitals first word is an acronym: ID → id.
                builder.Append(word.All(char.IsUpper) ? word.ToLowerInvariant() : char.ToLowerInvariant(word[0]) + word[1..]);
            }
            else
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
        }

        var result = Finish(builder);
        return Keywords.Contains(result) ? result + "_" : result;
    }

    /// <summary>Appends 2, 3, ... until <paramref name="taken"/> does not contain the name (ignoring case), and records it.</summary>
    public static string MakeUnique(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var suffix = 2; !taken.Add(candidate); suffix++)
        {
            candidate = name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static IEnumerable<string> Words(string name)
    {
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var inWord = i < name.Length && char.IsLetterOrDigit(name[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return name[start..i];
                start = -1;
            }
        }
    }

    private static string Finish(StringBuilder builder)
    {
        if (builder.Length == 0)
        {
            return "Unnamed";
        }

        return char.IsDigit(builder[0]) ? "_" + builder : builder.ToString();
    }
}
