namespace TeGen.Client;

/// <summary>
/// Names the TE user who owns an insight: by id, username or external id. Unlike other owners, TE does not
/// resolve insight owners by e-mail.
/// </summary>
public partial class InsightOwnerRef
{
    /// <summary>The owner by TE user id.</summary>
    /// <param name="id">The TE user id.</param>
    public static InsightOwnerRef ById(long id) => new() { Id = id };

    /// <summary>The owner by TE username.</summary>
    /// <param name="username">The user's TE username.</param>
    public static InsightOwnerRef ByUsername(string username) => new() { Username = OwnerRef.Required(username, nameof(username)) };

    /// <summary>The owner by the id your system gave the user (TE's <c>external_id</c>).</summary>
    /// <param name="externalId">The user's external id.</param>
    public static InsightOwnerRef ByExternalId(string externalId) => new() { ExternalId = OwnerRef.Required(externalId, nameof(externalId)) };

    /// <summary>Whether any identifier is set, so TE can resolve the user.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // a helper, not a TE member: never sent or re-serialized
    public bool IsSet => Id is not null || !string.IsNullOrWhiteSpace(Username) || !string.IsNullOrWhiteSpace(ExternalId);

    /// <inheritdoc />
    public override string ToString() => OwnerRef.Describe(Id, null, Username, ExternalId);
}
