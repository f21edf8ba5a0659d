namespace TeGen.Client;

/// <summary>
/// Names the TE user who owns a record. TE resolves it by any one identifier; set more than one only when your
/// external ids can overlap (TE then matches on all of them).
/// </summary>
public partial class OwnerRef
{
    /// <summary>The owner by TE user id.</summary>
    /// <param name="id">The TE user id.</param>
    public static OwnerRef ById(long id) => new() { Id = id };

    /// <summary>The owner by e-mail address.</summary>
    /// <param name="email">The user's e-mail address in TE.</param>
    public static OwnerRef ByEmail(string email) => new() { Email = Required(email, nameof(email)) };

    /// <summary>The owner by TE username.</summary>
    /// <param name="username">The user's TE username.</param>
    public static OwnerRef ByUsername(string username) => new() { Username = Required(username, nameof(username)) };

    /// <summary>The owner by the id your system gave the user (TE's <c>external_id</c>).</summary>
    /// <param name="externalId">The user's external id.</param>
    public static OwnerRef ByExternalId(string externalId) => new() { ExternalId = Required(externalId, nameof(externalId)) };

    /// <summary>Whether any identifier is set, so TE can resolve the user.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // a helper, not a TE member: never sent or re-serialized
    public bool IsSet => Id is not null || !string.IsNullOrWhiteSpace(Email) || !string.IsNullOrWhiteSpace(Username) || !string.IsNullOrWhiteSpace(ExternalId);

    /// <summary>
    /// The same user as an insight owner. Insights cannot name their owner by e-mail, so an owner known only by
    /// e-mail has no insight form and this returns <c>null</c>.
    /// </summary>
    public InsightOwnerRef? ToInsightOwner()
    {
        var owner = new InsightOwnerRef { Id = Id, Username = Username, ExternalId = ExternalId };
        return owner.IsSet ? owner : null;
    }

    /// <inheritdoc />
    public override string ToString() => Describe(Id, Email, Username, ExternalId);

    internal static string Describe(long? id, string? email, string? username, string? externalId) =>
        id is not null ? $"user id {id}"
        : !string.IsNullOrWhiteSpace(username) ? $"username '{username}'"
        : !string.IsNullOrWhiteSpace(externalId) ? $"external id '{externalId}'"
        : !string.IsNullOrWhiteSpace(email) ? $"e-mail '{email}'"
        : "no one (no identifier set)";

    internal static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("An owner identifier cannot be empty.", name) : value;
}
