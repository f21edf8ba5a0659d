namespace TeGen.Client.Rules;

/// <summary>
/// The organization's insight types, read from <c>/v1/insight-types</c> once and cached, so a create can tell an
/// unknown type before TE does. A miss reads the list again, at most once per refresh interval, because types
/// are added in TE's UI while the process runs.
/// </summary>
internal sealed class InsightTypeCatalog(TimeProvider time, TimeSpan refreshInterval)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<InsightType>? _types;
    private DateTimeOffset _readAt;

    public async Task<(bool Known, IReadOnlyList<InsightType> Types)> FindAsync(InsightTypeRef type, IInsightTypesClient client, CancellationToken cancellationToken)
    {
        var types = _types ?? await ReadAsync(client, null, cancellationToken).ConfigureAwait(false);
        if (Matches(types, type))
        {
            return (true, types);
        }

        if (time.GetUtcNow() - _readAt >= refreshInterval)
        {
            types = await ReadAsync(client, types, cancellationToken).ConfigureAwait(false);
        }

        return (Matches(types, type), types);
    }

    private static bool Matches(IReadOnlyList<InsightType> types, InsightTypeRef type) =>
        types.Any(t => (type.Id is null || t.Id == type.Id) && (type.Type is null || string.Equals(t.Type, type.Type, StringComparison.Ordinal)));

    /// <summary>Reads the list unless another caller replaced <paramref name="stale"/> meanwhile.</summary>
    private async Task<IReadOnlyList<InsightType>> ReadAsync(IInsightTypesClient client, IReadOnlyList<InsightType>? stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_types is not null && !ReferenceEquals(_types, stale))
            {
                return _types;
            }

            var types = new List<InsightType>();
            await foreach (var type in client.ListAllInsightTypesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                types.Add(type);
            }

            _readAt = time.GetUtcNow();
            return _types = types;
        }
        finally
        {
            _gate.Release();
        }
    }
}
