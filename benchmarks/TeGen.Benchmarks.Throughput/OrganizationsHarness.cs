using System.Collections.Concurrent;
using System.Diagnostics;
using TeGen.Client;
using TeGen.Client.Auth;
using TeGen.Sandbox;

namespace TeGen.Benchmarks.Throughput;

/// <summary>
/// Many TE organizations on one egress, through <see cref="TotalExpertPartner"/>: every organization has more contacts
/// to create than the run lasts (a backlog), its callers create them concurrently, and the run ends when the egress has
/// created <see cref="HarnessOptions.Contacts"/> in all. The sandbox seeds the organizations
/// (<see cref="SandboxOrganization.Many"/>) and keeps TE's limits per source IP, its 2 token requests per hour included:
/// from the third organization on, TeGen refuses a token with <see cref="TokenBudgetExceededException"/> (nothing sent)
/// and that organization's callers stop, as an integration would until the time the refusal names.
/// </summary>
public static class OrganizationsHarness
{
    private static readonly TimeSpan TimelineStep = TimeSpan.FromMilliseconds(100);

    /// <summary>Runs one scenario: <paramref name="organizations"/> organizations, tokens counted per <paramref name="counting"/>.</summary>
    /// <param name="organizations">Organizations on the egress.</param>
    /// <param name="counting">What the 2 token requests per hour are counted per, in the sandbox and in TeGen.</param>
    /// <param name="options">Limit, window, margin, contacts and callers.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<OrganizationsResult> RunAsync(int organizations, TokenCounting counting, HarnessOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var seeded = SandboxOrganization.Many(organizations);
        await using var sandbox = await TeSandbox.StartAsync(
            new TeSandboxOptions
            {
                Organizations = seeded,
                RequestLogCapacity = options.Contacts + (4 * organizations) + 100,
                RateLimits = new RateLimitOptions
                {
                    RequestLimit = options.RequestLimit,
                    RequestWindow = options.Window,
                    TokenRequestsCountedPer = counting == TokenCounting.SourceIp ? TokenLimitCounter.SourceIp : TokenLimitCounter.ClientId,
                },
            },
            cancellationToken).ConfigureAwait(false);

        using var partner = new TotalExpertPartner(o =>
        {
            options.ApplyTo(o, sandbox.BaseUrl);
            o.Tokens.CountedPer = counting == TokenCounting.SourceIp ? TokenLimitScope.Egress : TokenLimitScope.ClientId;
        });
        var members = seeded.Select((org, i) => new Member(org, Name(i))).ToList();
        members.ForEach(m => partner.AddOrganization(m.Name, o => { o.ClientId = m.Seed.ClientId; o.ClientSecret = m.Seed.ClientSecret; }));

        // The same concurrency for every organization, so that their shares say what the limiter gives each, not how
        // many callers each happened to have.
        var perOrganization = Math.Max(1, (int)Math.Ceiling(options.Workers / (double)organizations));
        var returned = new ConcurrentQueue<int>();
        var next = 0;
        var created = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(members.SelectMany(member => Enumerable.Range(0, perOrganization).Select(_ => Task.Run(
            async () =>
            {
                var admin = partner.ForOrganization(member.Name);
                while (Volatile.Read(ref created) < options.Contacts)
                {
                    if (!returned.TryDequeue(out var n) && (n = Interlocked.Increment(ref next)) > options.Contacts)
                    {
                        return;
                    }

                    try
                    {
                        await admin.Contacts.CreateContactAsync(member.Contacts.ForTeGen(n), cancellationToken).ConfigureAwait(false);
                        Interlocked.Increment(ref created);
                    }
                    catch (TokenBudgetExceededException e)
                    {
                        // Nothing was sent: the contact is still to be created, by an organization that has a token.
                        returned.Enqueue(n);
                        member.Refused(e.NextAllowedAt);
                        return;
                    }
                    catch (TotalExpertApiException)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            },
            cancellationToken)))).ConfigureAwait(false);
        clock.Stop();

        var stats = sandbox.Inspector.GetRequestStats();
        var creates = stats.Recent.Where(r => r is { Method: "POST", Path: "/v1/contacts", Status: >= 200 and < 300 }).ToList();
        var shares = members.Select(m =>
        {
            var count = creates.Count(r => r.ClientId == m.Seed.ClientId);
            return new OrganizationShare(m.Seed.ClientId, count, creates.Count == 0 ? 0 : count / (double)creates.Count, m.RefusedCalls);
        }).ToList();
        var nextToken = members.Select(m => m.NextTokenIn).Where(wait => wait is not null).Min();
        return new OrganizationsResult(
            organizations,
            counting,
            options.Contacts,
            sandbox.Inspector.GetState().Contacts.Count,
            failed,
            shares,
            nextToken,
            stats.TooManyRequests,
            stats.TokenRequests,
            stats.TotalRequests,
            clock.Elapsed,
            RateMeasure.Sustained(stats.Recent, options.RequestLimit),
            options.AllowedRate,
            RateMeasure.Timeline(stats.Recent, options.Window, TimelineStep));
    }

    private static string Name(int i) => i == 0 ? "org" : $"org-{i + 1}";

    private sealed class Member(SandboxOrganization seed, string name)
    {
        private int _refused;
        private TimeSpan? _nextTokenIn;

        public SandboxOrganization Seed { get; } = seed;

        public string Name { get; } = name;

        public LoadContacts Contacts { get; } = new(seed);

        public int RefusedCalls => Volatile.Read(ref _refused);

        public TimeSpan? NextTokenIn => _nextTokenIn;

        public void Refused(DateTimeOffset nextAllowedAt)
        {
            Interlocked.Increment(ref _refused);
            _nextTokenIn = nextAllowedAt - DateTimeOffset.UtcNow;
        }
    }
}
