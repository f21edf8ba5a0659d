using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;

namespace TeGen.Sandbox.Domain;

// Naming a record in a relationship by its settable fields ({"id": 59}, {"username": "alfred"}, {"account_type":
// "Checking"}): every field given must fit the same record, text compared without regard to case; no field given,
// no match or more than one match is TE's 422 for the relationship.
internal static class References
{
    public static T Resolve<T>(JsonNode? node, IEnumerable<T> candidates, Func<T, long> id, IEnumerable<(string Key, Func<T, string?> Pick)> fields, string relationship)
    {
        if (node is not JsonObject reference)
        {
            throw TeErrors.Relationship(relationship);
        }

        var named = false;
        if (reference.ContainsKey("id"))
        {
            named = true;
            candidates = TeValues.TryParseInt(reference["id"], out var value) ? candidates.Where(candidate => id(candidate) == value) : [];
        }

        foreach (var (key, pick) in fields)
        {
            if (TeValues.Text(reference[key]) is { } text)
            {
                named = true;
                candidates = candidates.Where(candidate => TeValues.SameText(pick(candidate), text));
            }
        }

        var matches = candidates.Take(2).ToList();
        return named && matches.Count == 1 ? matches[0] : throw TeErrors.Relationship(relationship);
    }
}
