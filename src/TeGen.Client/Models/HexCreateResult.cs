using System.Text.Json.Serialization;

namespace TeGen.Client;

/// <summary>
/// TE's answer to a create of a record with a hexadecimal id (a survey, a survey response, a campaign):
/// <c>201 {"created": link, "id": "hex"}</c>, or <c>200 {"duplicate": link, "id": "hex"}</c> when TE matched an
/// existing record.
/// </summary>
public partial class HexCreateResult : IJsonOnDeserialized
{
    /// <summary>Whether TE matched an existing record (a campaign's name) and updated it instead of creating one.</summary>
    [JsonIgnore] // a helper, not a TE member: never sent or re-serialized
    public bool IsDuplicate => Duplicate is not null;

    /// <summary>Whether TE created a new record.</summary>
    [JsonIgnore] // a helper, not a TE member: never sent or re-serialized
    public bool IsCreated => Created is not null && Duplicate is null;

    void IJsonOnDeserialized.OnDeserialized()
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            throw CreateAnswers.WithoutId("a non-empty string");
        }
    }
}
