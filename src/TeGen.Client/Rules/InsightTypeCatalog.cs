namespace TeGen.Client.Rules;

/// <summary>
/// The organization's insight types, read from <c>/v1/insight-types</c> once and cached, so a create can tell an
/// unknown type before TE does. A miss reads the list again, at most once per refresh interval, because types
/// are added in TE's UI while the process runs.
/// </summary>
internal sealed class InsightTypeCatalog(TimeProvider time, TimeSpan refreshInterval)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // The list and when it was read, replaced together so a reader outside the gate never sees one without the other.
    private Snapshot? _snapshot;

    public async Task<(bool Known, IReadOnlyList<InsightType> Types)> FindAsync(InsightTypeRef type, IInsightTypesClient client, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot ?? await ReadAsync(client, null, cancellationToken).ConfigureAwait(false);
        if (Matches(snapshot.Types, type))
        {
            return (true, snapshot.Types);
        }

        if (time.GetUtcNow() - snapshot.ReadAt >= refreshInterval)
        {
            snapshot = await ReadAsync(client, snapshot, cancellationToken).ConfigureAwait(false);
        }

        return (Matches(snapshot.Types, type), snapshot.Types);
    }

    private static bool Matches(IReadOnlyList<InsightType> types, InsightTypeRef type) =>
        types.Any(t => (type.Id is null || t.Id == type.Id) && (type.Type is null || string.Equals(t.Type, type.Type, StringComparison.Ordinal)));

    /// <summary>Reads the list unless another caller replaced <paramref name="stale"/> meanwhile.</summary>
    private async Task<Snapshot> ReadAsync(IInsightTypesClient client, Snapshot? stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_snapshot is not null && !ReferenceEquals(_snapshot, stale))
            {
                return _snapshot;
            }

            var types = new List<InsightType>();
            await foreach (var type in client.ListAllInsightTypesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                types.Add(type);
            }

            return _snapshot = new Snapshot(types, time.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Snapshot(IReadOnlyList<InsightType> Types, DateTimeOffset ReadAt);
}
