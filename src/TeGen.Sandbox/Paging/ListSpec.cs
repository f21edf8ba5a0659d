using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using Microsoft.OpenApi;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;

namespace TeGen.Sandbox.Paging;

// The filter and sort fields one collection accepts. A filter turns its value into a predicate over the rendered
// item, checking the value first, so a bad value is refused even when there is nothing to filter.
internal sealed class ListSpec
{
    private readonly Dictionary<string, Func<string, Func<JsonObject, bool>>> _filters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sortable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _requires = new(StringComparer.Ordinal);

    public bool TryGetFilter(string name, out Func<string, Func<JsonObject, bool>> filter) => _filters.TryGetValue(name, out filter!);

    public bool CanSortBy(string field) => _sortable.Contains(field);

    public IEnumerable<string> SortFields => _sortable;

    // What a collection without a hand-written list offers: equality on every plain member of its records, `_contains`
    // on text, `_start`/`_end` on date-times, owner filters when records have an owner; sorting on plain members.
    public static ListSpec From(Shape? item)
    {
        var spec = new ListSpec();
        if (item is null)
        {
            return spec;
        }

        foreach (var (name, member) in item.Properties)
        {
            if (member.IsDateTime || member.IsDate)
            {
                spec.Range(name);
            }
            else if (member.IsScalar)
            {
                spec.Equal(name);
                if (member.Is(JsonSchemaType.String))
                {
                    spec.Contains(name);
                }
            }
        }

        if (item.Properties.ContainsKey("owner"))
        {
            spec.Owner();
        }

        return spec.Sortable(item.Properties.Where(member => member.Value.IsScalar || member.Value.IsDateTime || member.Value.IsDate).Select(member => member.Key));
    }

    // The spec's filter schema (x-te-filter): a condition marked x-te-requires is refused without the one it names.
    public ListSpec Requiring(Shape? filter)
    {
        foreach (var (name, member) in filter?.Properties ?? [])
        {
            if (member.Extensions.GetValueOrDefault("x-te-requires") is { } other)
            {
                _requires[name] = other.GetValue<string>();
            }
        }

        return this;
    }

    // TE's 400 for a condition given without the one it needs (funded_date_end without funded_date_start).
    public void CheckTogether(IReadOnlyCollection<string> given)
    {
        foreach (var name in given)
        {
            if (_requires.TryGetValue(name, out var other) && !given.Contains(other))
            {
                throw TeErrors.BadRequest($"Invalid filter: '{name}' requires '{other}'");
            }
        }
    }

    public ListSpec Sortable(IEnumerable<string> fields)
    {
        _sortable.UnionWith(fields);
        return this;
    }

    public ListSpec Custom(string name, Func<JsonObject, string, bool> filter) => Add(name, value => item => filter(item, value));

    public ListSpec Equal(params string[] fields)
    {
        foreach (var field in fields)
        {
            EqualAs(field, field);
        }

        return this;
    }

    public ListSpec EqualAs(string name, string field) => Custom(name, (item, value) => Matches(item[field], value));

    public ListSpec Contains(params string[] fields)
    {
        foreach (var field in fields)
        {
            ContainsAs(field + "_contains", field);
        }

        return this;
    }

    // TE states a 3-character minimum for contains filters on contacts; the sandbox applies it everywhere.
    public ListSpec ContainsAs(string name, string field) => Add(name, value => value.Length >= 3
        ? item => TeValues.Text(item[field])?.Contains(value, StringComparison.OrdinalIgnoreCase) == true
        : throw TeErrors.BadRequest($"Invalid filter: '{name}' needs at least 3 characters"));

    // Date ranges are filtered in ISO 8601 although bodies carry "YYYY-MM-DD hh:mm:ss"; bounds are inclusive.
    public ListSpec Range(params string[] fields)
    {
        foreach (var field in fields)
        {
            Add(field + "_start", value =>
            {
                var start = Bound(field + "_start", value);
                return item => Stamp(item[field]) >= start;
            });
            Add(field + "_end", value =>
            {
                var end = Bound(field + "_end", value);
                return item => Stamp(item[field]) <= end;
            });
        }

        return this;
    }

    public ListSpec Nested(string name, string member, string key) => Custom(name, (item, value) => Matches(TeValues.Member(item[member], key), value));

    public ListSpec Any(string name, string member, string key) =>
        Custom(name, (item, value) => item[member] is JsonArray array && array.Any(element => Matches(TeValues.Member(element, key), value)));

    public ListSpec Owner(string member = "owner") =>
        Nested("owner_id", member, "id").Nested("owner_username", member, "username").Nested("owner_external_id", member, "external_id").Nested("owner_email", member, "email");

    // TE's account class filters, on records that name an account class (custom fields, lookups, accounts, roles).
    public ListSpec AccountClass(string member = "account_class") =>
        Nested("account_class_name", member, "class_name").Nested("account_class_type", member, "class_type");

    public static bool Matches(JsonNode? node, string value) => TeValues.Kind(node) switch
    {
        JsonValueKind.True or JsonValueKind.False => TeValues.TryParseBool(value, out var flag) && flag == (TeValues.Kind(node) == JsonValueKind.True),
        JsonValueKind.Number => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            && decimal.Parse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) == number,
        JsonValueKind.String => string.Equals(node!.GetValue<string>(), value, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private ListSpec Add(string name, Func<string, Func<JsonObject, bool>> filter)
    {
        _filters[name] = filter;
        return this;
    }

    private static DateTimeOffset? Stamp(JsonNode? node) =>
        TeValues.Text(node) is { } text && TeValues.TryParseDate(text, acceptIso: true, out var date) && date is { } value
            ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc))
            : null;

    private static DateTimeOffset Bound(string name, string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var bound)
            ? bound
            : throw TeErrors.BadRequest($"Invalid filter: '{name}' must be an ISO 8601 date-time");
}
