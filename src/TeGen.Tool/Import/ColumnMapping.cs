using System.Text.Json;

namespace TeGen.Tool.Import;

/// <summary>
/// Which TE field each input column fills. Columns named like TE's fields map by default, ignoring case, spaces, dashes
/// and underscores (<c>First Name</c> → <c>first_name</c>), plus a few common aliases (<c>phone</c>, <c>zip</c>,
/// <c>groups</c>); <c>--map Column=te_field</c> and a mapping file (<c>{"Column": "te_field"}</c>) override them, and
/// <c>-</c> as the field ignores a column.
/// </summary>
internal sealed class ColumnMapping
{
    public const string Ignore = "-";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["phone"] = "phone_cell",
        ["mobile"] = "phone_cell",
        ["cell"] = "phone_cell",
        ["cellphone"] = "phone_cell",
        ["zip"] = "zip_code",
        ["zipcode"] = "zip_code",
        ["postalcode"] = "zip_code",
        ["group"] = ImportFields.Groups,
        ["groups"] = ImportFields.Groups,
        ["owner"] = ImportFields.Owner,
    };

    private static readonly Dictionary<string, string> ByNormalizedName =
        ImportFields.All.ToDictionary(Normalize, name => name, StringComparer.Ordinal);

    private readonly Dictionary<string, string> _explicit;
    private readonly Dictionary<string, string?> _resolved = new(StringComparer.OrdinalIgnoreCase);

    private ColumnMapping(Dictionary<string, string> explicitMap) => _explicit = explicitMap;

    /// <summary>Columns that fill no field and were not ignored on purpose (reported once, so a typo in a header is noticed).</summary>
    public IEnumerable<string> Unmapped => _resolved
        .Where(r => r.Value is null && !(_explicit.TryGetValue(r.Key.Trim(), out var given) && given == Ignore))
        .Select(r => r.Key)
        .Order(StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds the mapping from <c>--map</c> pairs and an optional mapping file.</summary>
    /// <exception cref="ArgumentException">A pair is malformed or names a field TE's contact create does not have.</exception>
    public static ColumnMapping Create(IEnumerable<string> pairs, string? mappingFile)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (mappingFile is not null)
        {
            Dictionary<string, string>? fromFile;
            try
            {
                fromFile = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(mappingFile));
            }
            catch (JsonException e)
            {
                throw new ArgumentException($"The mapping file {mappingFile} is not a JSON object of \"Column\": \"te_field\" pairs: {e.Message}", e);
            }

            foreach (var (column, field) in fromFile ?? [])
            {
                map[column.Trim()] = Checked(column, field);
            }
        }

        foreach (var pair in pairs)
        {
            var equals = pair.LastIndexOf('=');
            if (equals <= 0)
            {
                throw new ArgumentException($"--map '{pair}' is not Column=te_field.");
            }

            map[pair[..equals].Trim()] = Checked(pair[..equals], pair[(equals + 1)..]);
        }

        return new ColumnMapping(map);
    }

    /// <summary>The TE field <paramref name="column"/> fills, or <c>null</c> when it fills none.</summary>
    public string? FieldOf(string column)
    {
        if (_resolved.TryGetValue(column, out var known))
        {
            return known;
        }

        string? field;
        if (_explicit.TryGetValue(column.Trim(), out var given))
        {
            field = given == Ignore ? null : given;
        }
        else
        {
            var normalized = Normalize(column);
            field = ByNormalizedName.TryGetValue(normalized, out var byName) ? byName : Aliases.GetValueOrDefault(normalized);
        }

        _resolved[column] = field;
        return field;
    }

    private static string Checked(string column, string field)
    {
        field = field.Trim();
        if (field == Ignore || ImportFields.All.Contains(field))
        {
            return field;
        }

        var near = ImportFields.All.Where(f => Normalize(f) == Normalize(field)).FirstOrDefault();
        throw new ArgumentException(near is not null
            ? $"Column '{column.Trim()}' is mapped to '{field}'; TE's field is named '{near}'."
            : $"Column '{column.Trim()}' is mapped to '{field}', which is not a field of a TE contact create. Fields: {string.Join(", ", ImportFields.All.Order(StringComparer.Ordinal))}.");
    }

    private static string Normalize(string name) => string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
