namespace TeGen.Client;

/// <summary>
/// TE's answer to a create: <c>201 {"created": link, "id": n}</c> for a new record, or
/// <c>200 {"duplicate": link, "id": n}</c> when TE matched an existing one and updated it instead.
/// </summary>
public partial class CreateResult
{
    /// <summary>Whether TE matched an existing record (its dedup rules) and updated it instead of creating one.</summary>
    public bool IsDuplicate => Duplicate is not null;

    /// <summary>Whether TE created a new record.</summary>
    public bool IsCreated => Created is not null && Duplicate is null;
}
