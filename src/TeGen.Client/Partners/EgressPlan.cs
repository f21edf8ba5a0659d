namespace TeGen.Client.Partners;

/// <summary>What one organization asks of an egress, for <see cref="EgressPlan.Suggest"/>.</summary>
/// <param name="Organization">The organization's name.</param>
/// <param name="RequestsPerMinute">Its expected requests per minute at its busiest.</param>
/// <param name="HoldsAdminToken">
/// Whether it calls As Admin with its own client credentials, so it needs one of its egress's token requests every hour.
/// User sessions on the partner credential refresh far less often and are left out of this count.
/// </param>
public sealed record OrganizationLoad(string Organization, double RequestsPerMinute, bool HoldsAdminToken = true);

/// <summary>
/// An assignment of organizations to egresses (<see cref="TotalExpertClientOptions.Egress"/>) that keeps within TE's
/// per-IP limits where it can: each egress keeps at most as many organizations' admin tokens alive as it has token
/// requests per hour (an admin token lives an hour), and carries as even a share of the requests as the tokens allow.
/// </summary>
/// <param name="Assignments">The egress of each organization.</param>
/// <param name="Egresses">What each egress carries.</param>
public sealed record EgressPlan(IReadOnlyDictionary<string, string> Assignments, IReadOnlyList<EgressLoad> Egresses)
{
    /// <summary>Whether every egress stays within both limits.</summary>
    public bool Fits => Egresses.All(e => e.Fits);

    /// <summary>
    /// Suggests an assignment: organizations holding admin tokens first, busiest first, each on the least loaded egress
    /// that still has a token request per hour for it; then the others on the least loaded egress. When the tokens or
    /// the requests do not fit, the plan says so (<see cref="Fits"/>, <see cref="EgressLoad.Fits"/>) rather than failing:
    /// add egresses, or move organizations to user sessions.
    /// </summary>
    /// <param name="organizations">The organizations and their expected load.</param>
    /// <param name="egresses">The egress names available.</param>
    /// <param name="tokenRequestsPerHour">Token requests each egress may make per hour (TE: 2).</param>
    /// <param name="requestsPerMinute">Requests each egress may make per minute (TE: 1000).</param>
    /// <exception cref="ArgumentException">No egress is given, or an organization is named twice.</exception>
    public static EgressPlan Suggest(IEnumerable<OrganizationLoad> organizations, IEnumerable<string> egresses, int tokenRequestsPerHour = 2, int requestsPerMinute = 1000)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(egresses);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenRequestsPerHour, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerMinute, 1);
        var loads = egresses.Distinct(StringComparer.Ordinal).Select(name => new Builder(name)).ToList();
        if (loads.Count == 0)
        {
            throw new ArgumentException("At least one egress is needed.", nameof(egresses));
        }

        var all = organizations.ToList();
        if (all.GroupBy(o => o.Organization, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Organization '{twice.Key}' is listed twice.", nameof(organizations));
        }

        var assignments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var organization in all.OrderByDescending(o => o.HoldsAdminToken).ThenByDescending(o => o.RequestsPerMinute).ThenBy(o => o.Organization, StringComparer.Ordinal))
        {
            var candidates = organization.HoldsAdminToken && loads.Any(l => l.TokenHolders < tokenRequestsPerHour)
                ? loads.Where(l => l.TokenHolders < tokenRequestsPerHour)
                : loads;
            var egress = candidates.OrderBy(l => l.RequestsPerMinute).ThenBy(l => l.TokenHolders).First();
            egress.Add(organization);
            assignments[organization.Organization] = egress.Name;
        }

        return new EgressPlan(assignments, [.. loads.Select(l => l.Build(tokenRequestsPerHour, requestsPerMinute))]);
    }

    private sealed class Builder(string name)
    {
        public string Name { get; } = name;

        public double RequestsPerMinute { get; private set; }

        public int TokenHolders { get; private set; }

        private readonly List<string> _organizations = [];

        public void Add(OrganizationLoad organization)
        {
            _organizations.Add(organization.Organization);
            RequestsPerMinute += organization.RequestsPerMinute;
            TokenHolders += organization.HoldsAdminToken ? 1 : 0;
        }

        public EgressLoad Build(int tokenRequestsPerHour, int requestsPerMinute) =>
            new(Name, _organizations, RequestsPerMinute, TokenHolders, TokenHolders <= tokenRequestsPerHour && RequestsPerMinute <= requestsPerMinute);
    }
}

/// <summary>What one egress carries in an <see cref="EgressPlan"/>.</summary>
/// <param name="Egress">The egress's name.</param>
/// <param name="Organizations">The organizations assigned to it.</param>
/// <param name="RequestsPerMinute">Their expected requests per minute together.</param>
/// <param name="AdminTokenHolders">How many of them hold an admin token (each needs a token request per hour).</param>
/// <param name="Fits">Whether both are within the egress's limits.</param>
public sealed record EgressLoad(string Egress, IReadOnlyList<string> Organizations, double RequestsPerMinute, int AdminTokenHolders, bool Fits);
