using System.Text.Json.Nodes;

namespace TeGen.Sandbox.Inspection;

/// <summary>One stored record, rendered as TE returns it to an organization administrator.</summary>
/// <param name="Id">TE id: a number (as text) for contacts, groups, notes and insights; hexadecimal for surveys and responses.</param>
/// <param name="OwnerId">TE id of the owning user; <c>null</c> for surveys, which have no owner.</param>
/// <param name="Organization">Name of the organization the record belongs to.</param>
/// <param name="Json">The record as the API would return it (a fresh copy, safe to modify).</param>
public sealed record StoredRecord(string Id, long? OwnerId, string Organization, JsonObject Json)
{
    /// <summary>A top-level attribute as text (strings as they are, numbers and booleans in JSON spelling), or <c>null</c>.</summary>
    /// <param name="field">Attribute name, e.g. <c>first_name</c>.</param>
    public string? this[string field] => Formats.TeValues.Text(Json[field]);
}
