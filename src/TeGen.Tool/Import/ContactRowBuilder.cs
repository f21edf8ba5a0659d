using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeGen.Client;
using TeGen.Client.Json;
using TeGen.Tool.Json;

namespace TeGen.Tool.Import;

/// <summary>
/// Turns a row into the SDK's <see cref="NewContact"/>: mapped columns are read with TE's own JSON rules (booleans as
/// <c>true</c>/<c>"True"</c>/<c>1</c>, dates as <c>YYYY-MM-DD</c>), the owner and groups built from their columns or the
/// defaults. A value that cannot be read is a problem naming the line and the field.
/// </summary>
internal sealed class ContactRowBuilder(ColumnMapping mapping, ContactDefaults defaults)
{
    private static readonly char[] GroupSeparators = [';', '|'];

    private static readonly IReadOnlyDictionary<string, PropertyInfo> Properties = JsonMembers.Of(typeof(NewContact));

    public ColumnMapping Mapping => mapping;

    /// <summary>The contact, or the problems that keep the row from being one.</summary>
    public (NewContact? Contact, List<RowProblem> Problems) Build(SourceRow row)
    {
        var problems = new List<RowProblem>();
        var body = new JsonObject();
        OwnerRef? owner = null;
        var groups = new List<string>(defaults.Groups);
        foreach (var (column, value) in row.Values)
        {
            if (mapping.FieldOf(column) is not { } field || value is null)
            {
                continue;
            }

            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : value.ToJsonString();
            try
            {
                switch (field)
                {
                    case ImportFields.Groups:
                        groups.AddRange(text.Split(GroupSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                        break;
                    case ImportFields.Owner:
                        owner = OwnerOption.Parse(text);
                        break;
                    case ImportFields.OwnerId:
                        owner = OwnerOption.Parse("id:" + text);
                        break;
                    case ImportFields.OwnerEmail:
                        owner = OwnerRef.ByEmail(text);
                        break;
                    case ImportFields.OwnerUsername:
                        owner = OwnerRef.ByUsername(text);
                        break;
                    case ImportFields.OwnerExternalId:
                        owner = OwnerRef.ByExternalId(text);
                        break;
                    default:
                        body[field] = IsText(field) ? JsonValue.Create(text) : value.DeepClone();
                        break;
                }
            }
            catch (ArgumentException e)
            {
                problems.Add(new RowProblem(row.Line, field, e.Message));
            }
        }

        if (defaults.Source is not null && !body.ContainsKey("source"))
        {
            body["source"] = defaults.Source;
        }

        NewContact? contact;
        try
        {
            contact = body.Deserialize<NewContact>(TeJson.Options)!;
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "row";
            problems.Add(new RowProblem(row.Line, field, $"'{body[field]?.ToString()}' cannot be read as TE's {Describe(field)}"));
            return (null, problems);
        }

        // The SDK reads TE's answers leniently (a date that is no date reads as none); an input value must be what it claims.
        foreach (var (field, value) in body)
        {
            if (value is not null && Properties.TryGetValue(field, out var property) && property.GetValue(contact) is null)
            {
                problems.Add(new RowProblem(row.Line, field, $"'{value}' cannot be read as TE's {Describe(field)}"));
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        contact.Owner = owner ?? Copy(defaults.Owner);
        if (groups.Count > 0)
        {
            contact.ContactGroups = [.. groups.Distinct(StringComparer.OrdinalIgnoreCase).Select(g => new ContactGroupRef { GroupName = g })];
        }

        return (contact, problems);
    }

    private static bool IsText(string field) => Properties.TryGetValue(field, out var property) && property.PropertyType == typeof(string);

    private static string Describe(string field) =>
        Properties.TryGetValue(field, out var property) ? (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) switch
        {
            var t when t == typeof(bool) => "boolean (true/false, True/False, 1/0)",
            var t when t == typeof(DateOnly) => "date (YYYY-MM-DD)",
            var t when t == typeof(DateTimeOffset) => "date-time (YYYY-MM-DD hh:mm:ss, UTC)",
            var t => t.Name.ToLowerInvariant(),
        } : "value";

    // Each contact gets its own owner object: the SDK's rules may fill in or change a body.
    private static OwnerRef? Copy(OwnerRef? owner) =>
        owner is null ? null : new OwnerRef { Id = owner.Id, Email = owner.Email, Username = owner.Username, ExternalId = owner.ExternalId };
}
