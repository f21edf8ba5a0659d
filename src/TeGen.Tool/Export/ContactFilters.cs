using System.Text.Json;
using System.Text.Json.Nodes;
using TeGen.Client;
using TeGen.Client.Json;
using TeGen.Tool.Json;

namespace TeGen.Tool.Export;

/// <summary>Reads <c>--filter name=value</c> pairs into the SDK's typed <see cref="ContactFilter"/> (TE's names: <c>owner_id</c>, <c>email</c>, <c>group_name</c>, ...).</summary>
internal static class ContactFilters
{
    private static readonly string[] Names = [.. JsonMembers.Of(typeof(ContactFilter)).Keys.Order(StringComparer.Ordinal)];

    /// <exception cref="ArgumentException">A pair is malformed, names no filter of TE's contact list, or has a value of the wrong kind.</exception>
    public static ContactFilter? Parse(IReadOnlyCollection<string> pairs)
    {
        if (pairs.Count == 0)
        {
            return null;
        }

        var body = new JsonObject();
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? pair[..equals].Trim() : throw new ArgumentException($"--filter '{pair}' is not name=value.");
            if (!Names.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"--filter '{name}' is not a filter of TE's contact list. Filters: {string.Join(", ", Names)}.");
            }

            body[name] = pair[(equals + 1)..].Trim();
        }

        try
        {
            return body.Deserialize<ContactFilter>(TeJson.Options);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"--filter {e.Path?.TrimStart('$', '.')}: the value is not of the filter's kind ({e.Message})", e);
        }
    }
}
