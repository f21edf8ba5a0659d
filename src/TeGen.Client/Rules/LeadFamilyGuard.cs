namespace TeGen.Client.Rules;

/// <summary>
/// Which of TE's two lead APIs one organization has been seen to use, so that a call to the other is refused before it
/// is sent (<see cref="LeadFamilies"/>). One per admin connection (client credentials are one organization) and one per
/// user session (users of a partner credential may belong to different organizations). Only a success teaches it: a
/// refusal may have other causes, and a wrong guess here would block calls TE would serve.
/// </summary>
internal sealed class LeadFamilyGuard
{
    /// <summary>The key under which a lead call carries the guard that checked it, for the answer to teach it.</summary>
    public static readonly HttpRequestOptionsKey<LeadFamilyGuard> Key = new("TeGen.LeadFamilyGuard");

    private volatile string? _inUse;

    /// <summary>The family seen to succeed, or <c>null</c>.</summary>
    public string? InUse => _inUse;

    /// <summary>Refuses <paramref name="operation"/> when the organization is known to use the other family.</summary>
    public void Check(TeOperation operation)
    {
        if (operation.LeadFamily is { } family && _inUse is { } inUse && inUse != family)
        {
            var message = $"{operation.OperationId} was not sent to TE: this organization uses {LeadFamilies.Describe(inUse)}, "
                + $"as an earlier call on this connection showed, and TE lets an organization use either lead opportunities or ALM leads, not both.";
            throw new TotalExpertLeadFamilyException(TotalExpertErrorDetails.Local($"{operation.Method} /{operation.Path}", message, mayHaveBeenProcessed: false), family);
        }
    }

    /// <summary>Remembers the family of a lead call TE answered with success.</summary>
    public static void Succeeded(HttpRequestMessage? request)
    {
        // Only lead calls carry a guard, so other answers cost one lookup.
        if (request is not null && request.Options.TryGetValue(Key, out var guard) && TeOperation.Of(request)?.LeadFamily is { } family)
        {
            guard._inUse ??= family;
        }
    }
}
