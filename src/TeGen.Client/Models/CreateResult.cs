using System.Text.Json.Serialization;

namespace TeGen.Client;

/// <summary>
/// TE's answer to a create: <c>201 {"created": link, "id": n}</c> for a new record, or
/// <c>200 {"duplicate": link, "id": n}</c> when TE matched an existing one and updated it instead.
/// </summary>
public partial class CreateResult : IJsonOnDeserialized
{
    /// <summary>Whether TE matched an existing record (its dedup rules) and updated it instead of creating one.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // a helper, not a TE member: never sent or re-serialized
    public bool IsDuplicate => Duplicate is not null;

    /// <summary>Whether TE created a new record.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // a helper, not a TE member: never sent or re-serialized
    public bool IsCreated => Created is not null && Duplicate is null;

    // TE ids start at 1: a missing id reads as 0, and an answer without an id is no success a caller can build on.
    void IJsonOnDeserialized.OnDeserialized()
    {
        if (Id <= 0)
        {
            throw CreateAnswers.WithoutId("a positive integer");
        }
    }
}
