namespace TeGen.Sandbox.Domain;

// Who a bearer token speaks for: As Admin (client credentials, User null) or As User (authorization code).
internal sealed record Caller(SandboxOrganization Org, SandboxUser? User, string ClientId, IReadOnlyList<string> Scopes)
{
    public bool IsAdmin => User is null;

    public bool Sees(string org, long? ownerId) => org == Org.Name && (IsAdmin || ownerId is null || ownerId == User!.Id);
}
