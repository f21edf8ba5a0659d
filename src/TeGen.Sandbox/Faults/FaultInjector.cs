namespace TeGen.Sandbox.Faults;

/// <summary>
/// The faults of a running sandbox. Faults hit <c>/v1/*</c> requests only, never <c>/_sandbox/*</c>. The same
/// settings are readable and writable over HTTP: <c>GET</c>, <c>PUT</c> and <c>DELETE /_sandbox/faults</c>.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private FaultSettings _settings = new();
    private int?[] _remaining = [];
    private Random _random = new();

    internal FaultInjector(FaultSettings? initial)
    {
        if (initial is not null)
        {
            Set(initial);
        }
    }

    /// <summary>The settings in force; each rule's <see cref="FaultRule.Count"/> shows how many strikes are left.</summary>
    public FaultSettings Current
    {
        get
        {
            lock (_gate)
            {
                return _settings with { Rules = _settings.Rules.Select((rule, i) => rule with { Count = _remaining[i] }).ToArray() };
            }
        }
    }

    /// <summary>Replaces the settings and restarts the random draws from the seed.</summary>
    /// <param name="settings">The new settings.</param>
    /// <exception cref="ArgumentException">A rule is invalid (probability outside 0..1, a non-5xx server error, ...).</exception>
    public void Set(FaultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var rules = (settings.Rules ?? []).ToArray();
        foreach (var rule in rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(settings));
            rule.Validate();
        }

        lock (_gate)
        {
            _settings = settings with { Rules = rules };
            _remaining = rules.Select(rule => rule.Count).ToArray();
            _random = settings.Seed is { } seed ? new Random(seed) : new Random();
        }
    }

    /// <summary>Removes every fault.</summary>
    public void Clear() => Set(new FaultSettings());

    // Draws happen only for rules that match and are not yet decided, in rule order, so a seeded run of the same
    // requests makes the same draws; rules with probability 1 or 0 draw nothing and do not shift the sequence.
    internal FaultPlan Plan(string method, string path)
    {
        lock (_gate)
        {
            var latency = 0L;
            FaultRule? before = null;
            FaultRule? after = null;
            for (var i = 0; i < _settings.Rules.Count; i++)
            {
                var rule = _settings.Rules[i];
                var terminal = rule.Kind != FaultKind.Latency;
                if ((terminal && (before ?? after) is not null) || _remaining[i] == 0 || !rule.Matches(method, path) || !Strikes(rule))
                {
                    continue;
                }

                if (_remaining[i] is { } left)
                {
                    _remaining[i] = left - 1;
                }

                if (!terminal)
                {
                    latency += rule.LatencyMilliseconds;
                }
                else if (rule.StrikesAfter)
                {
                    after = rule;
                }
                else
                {
                    before = rule;
                }
            }

            // Several long latencies must neither wrap around to none nor exceed what Task.Delay accepts.
            return new FaultPlan(TimeSpan.FromMilliseconds(Math.Min(latency, int.MaxValue)), before, after);
        }
    }

    private bool Strikes(FaultRule rule) => rule.Probability >= 1 || (rule.Probability > 0 && _random.NextDouble() < rule.Probability);
}

internal readonly record struct FaultPlan(TimeSpan Latency, FaultRule? Before, FaultRule? After);
