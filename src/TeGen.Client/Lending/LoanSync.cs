using System.Text.Json;
using System.Text.Json.Nodes;
using TeGen.Client.Json;
using TeGen.Client.Rules;

namespace TeGen.Client.Lending;

/// <summary>
/// Upserts loans from a loan origination system into TE, the loan counterpart of the survey workflow. For each loan:
/// the lookups it names by name (loan type, status, purpose, program) are resolved to the organization's ids through
/// a cache read once (missing ones created only when <see cref="LoanSyncOptions.CreateMissingLookups"/> says so);
/// the participant roles the organization requires are checked (As Admin); the owner's loan with the same
/// <c>external_id</c> is looked up and updated, or a new loan created. Borrower, co-borrower and agents travel with
/// the loan: TE matches them to the owner's contacts and creates only the missing ones. Running a sync twice creates
/// nothing the second time. Keep one instance per client (e.g. a singleton) so the lookups are read once.
/// </summary>
public sealed class LoanSync
{
    private readonly TotalExpertClient _client;
    private readonly LoanSyncOptions _options;
    private readonly LoanLookups _lookups;
    private readonly SemaphoreSlim _rolesGate = new(1, 1);
    private List<ParticipantRole>? _roles;

    /// <summary>Creates a sync on <paramref name="client"/> (As Admin or As User).</summary>
    /// <param name="client">The client to send through.</param>
    /// <param name="options">What to do about missing lookups and required roles; defaults when <c>null</c>.</param>
    public LoanSync(TotalExpertClient client, LoanSyncOptions? options = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options ?? new LoanSyncOptions();
        _lookups = new LoanLookups(client);
    }

    /// <summary>Syncs one loan; <paramref name="loan"/> itself is left as it was.</summary>
    /// <param name="loan">The loan, with its <c>external_id</c>, borrower and (As Admin, unless a default owner is configured) owner.</param>
    /// <param name="cancellationToken">Cancels the sync.</param>
    /// <exception cref="TotalExpertRequestValidationException">The loan breaks a TE rule (a required member or role, a contact TE cannot create); nothing was sent for it.</exception>
    /// <exception cref="LoanLookupNotFoundException">The loan names a lookup value the organization lacks and creating it is off; nothing was sent for it.</exception>
    public async Task<LoanSyncResult> SyncAsync(NewLoan loan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loan);
        var externalId = string.IsNullOrWhiteSpace(loan.ExternalId)
            ? throw new TotalExpertRequestValidationException("CreateLoan", [new("external_id", "is required: LoanSync finds the loan in TE by it")])
            : loan.ExternalId;

        // A copy: the caller's loan keeps its lookup names, and the update body is the create body minus what only a create takes.
        var body = JsonSerializer.SerializeToNode(loan, TeJson.Options)!.AsObject();
        await CheckRolesAsync(body, cancellationToken).ConfigureAwait(false);
        var created = await _lookups.ResolveAsync(body, _options.CreateMissingLookups, cancellationToken).ConfigureAwait(false);

        // The owner's loan: TE's keys are unique per owner, and As Admin another owner may have a loan with this external id.
        var owner = loan.Owner ?? (_client.IsAdmin ? _client.Connection.Options.DefaultOwner : null);
        var filter = new LoanFilter { ExternalId = externalId, OwnerId = owner?.Id, OwnerUsername = owner?.Username, OwnerEmail = owner?.Email, OwnerExternalId = owner?.ExternalId };
        var existing = (await _client.Loans.ListLoansAsync(filter, 1, 1, cancellationToken: cancellationToken).ConfigureAwait(false)).Items?.FirstOrDefault();
        if (existing?.Id is { } id)
        {
            body.Remove("id");
            body.Remove("owner");
            await _client.Loans.UpdateLoanAsync(body.Deserialize<LoanUpdate>(TeJson.Options)!, id, cancellationToken).ConfigureAwait(false);
            return new LoanSyncResult(externalId, id, LoanSyncOutcome.Updated, created);
        }

        var answer = await _client.Loans.CreateLoanAsync(body.Deserialize<NewLoan>(TeJson.Options)!, cancellationToken).ConfigureAwait(false);
        return new LoanSyncResult(externalId, answer.Id, answer.IsDuplicate ? LoanSyncOutcome.Deduplicated : LoanSyncOutcome.Created, created);
    }

    /// <summary>Syncs loans one after another and reports each; stops at the first loan TE or a rule refuses.</summary>
    /// <param name="loans">The loans.</param>
    /// <param name="cancellationToken">Cancels the sync.</param>
    public async Task<IReadOnlyList<LoanSyncResult>> SyncAllAsync(IEnumerable<NewLoan> loans, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loans);
        var results = new List<LoanSyncResult>();
        foreach (var loan in loans)
        {
            results.Add(await SyncAsync(loan, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    // The roles the organization requires for the loan's account class (mortgage when it names none) that the loan
    // leaves empty. Roles the loan model has no member for cannot be given through the API and are left to TE.
    private async Task CheckRolesAsync(JsonObject loan, CancellationToken cancellationToken)
    {
        if (!_options.CheckParticipantRoles || _client is not TotalExpertAdminClient admin)
        {
            return;
        }

        var roles = await RolesAsync(admin, cancellationToken).ConfigureAwait(false);
        var className = loan["account_class"]?["class_name"]?.GetValue<string>() ?? "Mortgage";
        var missing = roles
            .Where(role => role.Required == 1 && role.SystemName is { } name && LoanContactRules.RoleNames.Contains(name))
            .Where(role => string.Equals(role.AccountClass?.ClassName ?? className, className, StringComparison.OrdinalIgnoreCase))
            .Where(role => loan[role.SystemName!] is not JsonObject)
            .Select(role => new RequestProblem(role.SystemName!, $"is a participant role your organization requires on every {className} loan ({role.DisplayName ?? role.SystemName})"))
            .ToList();
        if (missing.Count > 0)
        {
            throw new TotalExpertRequestValidationException("CreateLoan", missing);
        }
    }

    private async Task<List<ParticipantRole>> RolesAsync(TotalExpertAdminClient admin, CancellationToken cancellationToken)
    {
        await _rolesGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _roles ??= await admin.Schema.ListAllParticipantRoleSchemaAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _rolesGate.Release();
        }
    }
}
