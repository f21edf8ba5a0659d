using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;

namespace TeGen.Sandbox.Paging;

// page[number] / page[size], filter=a=1,b=2, sort=a,-b and the {items, links} envelope, as the spec describes them.
internal static class Listing
{
    // The parameters this class reads itself; request validation leaves them alone.
    public static readonly string[] Parameters = ["page[number]", "page[size]", "filter", "sort"];

    // Items are filtered and sorted as rendered (rules may add members only filters use); the page keeps its
    // array under "items", which the endpoint renames when PageEnvelope says so.
    public static TeReply Page(IQueryCollection query, PageRules rules, IEnumerable<JsonObject> items, ListSpec spec)
    {
        var number = PositiveNumber(query, "page[number]") ?? 1;
        var size = PositiveNumber(query, "page[size]") ?? rules.DefaultSize;
        if (size > rules.MaxSize)
        {
            size = rules.RejectOversized
                ? throw TeErrors.BadRequest($"Invalid value for page[size]: the maximum is {rules.MaxSize}")
                : rules.MaxSize;
        }

        // 64-bit throughout: with int.MaxValue pages or sizes the offset would wrap around to page 1.
        size = Math.Max(1, size);
        var selected = Sort(Filter(items, query["filter"].ToString(), spec, rules), query["sort"].ToString(), spec, rules).ToList();
        var last = Math.Max(1, (selected.Count + size - 1) / size);
        if (number > last && rules.RejectOutOfRange)
        {
            throw TeErrors.Unprocessable($"Page {query["page[number]"]} is out of range: the last page is {last}");
        }

        // Past the last page the offset is beyond every item; below it, it is less than the item count and fits an int.
        IEnumerable<JsonObject> page = number > last ? [] : selected.Skip((int)((number - 1) * size)).Take((int)size);
        return TeReply.Ok(new JsonObject
        {
            ["items"] = new JsonArray([.. page]),
            ["links"] = new JsonObject
            {
                ["first"] = 1,
                ["last"] = last,
                ["next"] = number < last ? number + 1 : null,
                ["prev"] = number > 1 ? Math.Min(number - 1, last) : null,
            },
        });
    }

    // Digits only, not all zeros. A number too large for a long still names a page, one past any last page (or an
    // oversized page), so it is taken as long.MaxValue rather than refused or wrapped.
    private static long? PositiveNumber(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var raw))
        {
            return null;
        }

        var text = raw.ToString();
        return text.Length > 0 && text.All(char.IsAsciiDigit) && text.Any(digit => digit != '0')
            ? long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : long.MaxValue
            : throw TeErrors.InvalidQuery(name, raw.ToString());
    }

    private static IEnumerable<JsonObject> Filter(IEnumerable<JsonObject> items, string filter, ListSpec spec, PageRules rules)
    {
        var conditions = filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        spec.CheckTogether([.. conditions.Select(condition => condition.IndexOf('=') is > 0 and var at ? condition[..at].Trim() : condition)]);
        foreach (var condition in conditions)
        {
            var equals = condition.IndexOf('=');
            if (equals <= 0)
            {
                throw TeErrors.BadRequest($"Invalid filter: '{condition}' is not of the form field=value");
            }

            var name = condition[..equals].Trim();
            var value = condition[(equals + 1)..].Trim();
            if (spec.TryGetFilter(name, out var filterFor))
            {
                items = items.Where(filterFor(value)).ToList();
            }
            else if (rules.RejectUnknownFields)
            {
                throw TeErrors.BadRequest($"Invalid filter field: '{name}'");
            }
        }

        return items;
    }

    private static IEnumerable<JsonObject> Sort(IEnumerable<JsonObject> items, string sort, ListSpec spec, PageRules rules)
    {
        IOrderedEnumerable<JsonObject>? ordered = null;
        foreach (var term in sort.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var descending = term.StartsWith('-');
            var field = term.TrimStart('-', '+');
            if (!spec.CanSortBy(field))
            {
                if (rules.RejectUnknownFields)
                {
                    throw TeErrors.BadRequest($"Invalid sort field: '{field}'");
                }

                continue;
            }

            ordered = (ordered, descending) switch
            {
                (null, false) => items.OrderBy(item => item[field], NodeOrder.Instance),
                (null, true) => items.OrderByDescending(item => item[field], NodeOrder.Instance),
                (_, false) => ordered.ThenBy(item => item[field], NodeOrder.Instance),
                (_, true) => ordered.ThenByDescending(item => item[field], NodeOrder.Instance),
            };
        }

        return ordered ?? items;
    }

    // Nulls first, numbers by value, everything else by case-insensitive text.
    private sealed class NodeOrder : IComparer<JsonNode?>
    {
        public static readonly NodeOrder Instance = new();

        public int Compare(JsonNode? x, JsonNode? y)
        {
            if (TeValues.Kind(x) == JsonValueKind.Null || TeValues.Kind(y) == JsonValueKind.Null)
            {
                return (TeValues.Kind(x) != JsonValueKind.Null).CompareTo(TeValues.Kind(y) != JsonValueKind.Null);
            }

            if (TeValues.Kind(x) == JsonValueKind.Number && TeValues.Kind(y) == JsonValueKind.Number)
            {
                return decimal.Parse(x!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                    .CompareTo(decimal.Parse(y!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture));
            }

            return string.Compare(TeValues.Text(x), TeValues.Text(y), StringComparison.OrdinalIgnoreCase);
        }
    }
}
