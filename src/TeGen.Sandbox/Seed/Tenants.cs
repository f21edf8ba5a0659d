namespace TeGen.Sandbox.Seed;

// The seeded organizations and users, indexed for token and owner look-ups.
internal sealed class Tenants
{
    private readonly Dictionary<string, SandboxOrganization> _byClientId = new(StringComparer.Ordinal);
    private readonly Dictionary<long, (SandboxOrganization Org, SandboxUser User)> _users = [];

    public Tenants(IEnumerable<SandboxOrganization> organizations)
    {
        Organizations = organizations.ToArray();
        if (Organizations.Count == 0)
        {
            throw new ArgumentException("At least one organization must be seeded.", nameof(organizations));
        }

        foreach (var org in Organizations)
        {
            if (Organizations.Count(o => o.Name == org.Name) > 1 || !_byClientId.TryAdd(org.ClientId, org))
            {
                throw new ArgumentException($"Organization names and client ids must be unique ('{org.Name}', '{org.ClientId}').", nameof(organizations));
            }

            foreach (var user in org.Users)
            {
                if (!_users.TryAdd(user.Id, (org, user)))
                {
                    throw new ArgumentException($"User id {user.Id} is seeded twice.", nameof(organizations));
                }
            }
        }

        // Groups and surveys of every organization share one table each, keyed by id, as TE's ids are unique.
        Unique(Organizations.SelectMany(org => org.ContactGroups).Select(group => group.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Contact group");
        Unique(Organizations.SelectMany(org => org.Surveys).Select(survey => survey.Id), "Survey");
        foreach (var org in Organizations)
        {
            if (org.ContactGroups.Count > 0 && org.Users.Count == 0)
            {
                throw new ArgumentException($"'{org.Name}' seeds contact groups but no user to own them.", nameof(organizations));
            }

            if (org.ContactGroups.FirstOrDefault(group => group.OwnerId is { } owner && !org.Users.Any(user => user.Id == owner)) is { } orphan)
            {
                throw new ArgumentException($"Contact group {orphan.Id} of '{org.Name}' is owned by user {orphan.OwnerId}, who is not one of its users.", nameof(organizations));
            }
        }
    }

    private static void Unique(IEnumerable<string> ids, string what)
    {
        if (ids.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"{what} id {twice.Key} is seeded twice.", "organizations");
        }
    }

    public IReadOnlyList<SandboxOrganization> Organizations { get; }

    public SandboxOrganization? ByClientId(string clientId) => _byClientId.GetValueOrDefault(clientId);

    public SandboxUser? User(long id) => _users.TryGetValue(id, out var entry) ? entry.User : null;

    public SandboxOrganization Organization(string name) => Organizations.First(org => org.Name == name);
}
