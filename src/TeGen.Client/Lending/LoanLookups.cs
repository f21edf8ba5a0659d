using System.Text.Json.Nodes;

namespace TeGen.Client.Lending;

// The organization's loan types, statuses, purposes and programs by name (compared without regard to case, as TE
// does), each list read once on first use; values created through it join the cache.
internal sealed class LoanLookups(TotalExpertClient client)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Dictionary<string, long>> _byMember = new(StringComparer.Ordinal);

    // The loan member (also the lookup's name member), how to read the organization's values and how to add one.
    private readonly (string Member, Func<CancellationToken, IAsyncEnumerable<(long? Id, string? Name)>> List, Func<string, CancellationToken, Task<long>> Create)[] _kinds =
    [
        ("loan_type", ct => client.LoanTypes.ListAllLoanTypesAsync(cancellationToken: ct).Select(v => (v.Id, v.LoanType)),
            async (name, ct) => (await client.LoanTypes.CreateLoanTypeAsync(new NewLoanType { LoanType = name }, ct).ConfigureAwait(false)).Id),
        ("loan_status", ct => client.LoanStatuses.ListAllLoanStatusesAsync(cancellationToken: ct).Select(v => (v.Id, v.LoanStatus)),
            async (name, ct) => (await client.LoanStatuses.CreateLoanStatusAsync(new NewLoanStatus { LoanStatus = name }, ct).ConfigureAwait(false)).Id),
        ("loan_purpose", ct => client.LoanPurposes.ListAllLoanPurposesAsync(cancellationToken: ct).Select(v => (v.Id, v.LoanPurpose)),
            async (name, ct) => (await client.LoanPurposes.CreateLoanPurposeAsync(new NewLoanPurpose { LoanPurpose = name }, ct).ConfigureAwait(false)).Id),
        ("loan_program", ct => client.LoanPrograms.ListAllLoanProgramsAsync(cancellationToken: ct).Select(v => (v.Id, v.LoanProgram)),
            async (name, ct) => (await client.LoanPrograms.CreateLoanProgramAsync(new NewLoanProgram { LoanProgram = name }, ct).ConfigureAwait(false)).Id),
    ];

    /// <summary>
    /// Replaces every lookup of <paramref name="loan"/> named by name with its id; a name the organization lacks is
    /// created (when <paramref name="create"/>) or refused. Returns the values created.
    /// </summary>
    public async Task<IReadOnlyList<string>> ResolveAsync(JsonObject loan, bool create, CancellationToken cancellationToken)
    {
        var created = new List<string>();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Every name is checked before anything is created, so a refused loan leaves TE unchanged.
            var wanted = new List<(string Member, string Name, Dictionary<string, long> Values, Func<string, CancellationToken, Task<long>> Create)>();
            foreach (var (member, list, add) in _kinds)
            {
                if (Name(loan[member]) is not { } name)
                {
                    continue;
                }

                var values = await ValuesAsync(member, list, cancellationToken).ConfigureAwait(false);
                if (!values.ContainsKey(name) && !create)
                {
                    throw new LoanLookupNotFoundException(member, name, values.Keys);
                }

                wanted.Add((member, name, values, add));
            }

            foreach (var (member, name, values, add) in wanted)
            {
                if (!values.TryGetValue(name, out var id))
                {
                    id = values[name] = await add(name, cancellationToken).ConfigureAwait(false);
                    created.Add($"{member}: {name}");
                }

                loan[member] = new JsonObject { ["id"] = id };
            }
        }
        finally
        {
            _gate.Release();
        }

        return created;
    }

    private async Task<Dictionary<string, long>> ValuesAsync(string member, Func<CancellationToken, IAsyncEnumerable<(long? Id, string? Name)>> list, CancellationToken cancellationToken)
    {
        if (!_byMember.TryGetValue(member, out var values))
        {
            values = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
            await foreach (var (id, name) in list(cancellationToken).ConfigureAwait(false))
            {
                if (id is { } known && name is not null)
                {
                    values.TryAdd(name.Trim(), known);
                }
            }

            _byMember[member] = values;
        }

        return values;
    }

    // A lookup given by name only: the bare string TE's examples use, or an object without an id.
    private static string? Name(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) => text.Trim(),
        JsonObject named when named["id"] is null => named.Where(member => member.Key != "id").Select(member => member.Value).OfType<JsonValue>()
            .Select(v => v.TryGetValue<string>(out var text) ? text : null).FirstOrDefault(text => !string.IsNullOrWhiteSpace(text))?.Trim(),
        _ => null,
    };
}
