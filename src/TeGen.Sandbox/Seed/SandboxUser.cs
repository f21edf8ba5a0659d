namespace TeGen.Sandbox;

/// <summary>A TE user seeded into a sandbox organization.</summary>
public sealed class SandboxUser
{
    /// <summary>TE id of the user; unique across all organizations of a sandbox.</summary>
    public required long Id { get; init; }

    /// <summary>Email address (an owner may be named by it, except on insights).</summary>
    public required string Email { get; init; }

    /// <summary>TE username, e.g. <c>jane-doe-acme</c>.</summary>
    public required string Username { get; init; }

    /// <summary>Id of the user in the integrating system.</summary>
    public string? ExternalId { get; init; }

    /// <summary>First name (returned in <c>info</c>).</summary>
    public string? FirstName { get; init; }

    /// <summary>Last name (returned in <c>info</c>).</summary>
    public string? LastName { get; init; }

    /// <summary>TE user type: <c>Realtor</c>, <c>Lender</c> or <c>Title</c>.</summary>
    public string Type { get; init; } = "Lender";

    /// <summary>1 active, 0 inactive.</summary>
    public int Status { get; init; } = 1;

    /// <summary>Name of the user's role.</summary>
    public string RoleName { get; init; } = "Loan Officer";

    /// <summary>
    /// When true, <c>GET /v1/authorize</c> for this user redirects with <c>error=access_denied</c>, as a user who
    /// refuses (or fails) the login would.
    /// </summary>
    public bool DeniesAuthorization { get; init; }
}
