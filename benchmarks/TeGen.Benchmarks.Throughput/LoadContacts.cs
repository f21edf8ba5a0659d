using TeGen.Client;
using TeGen.Sandbox;

namespace TeGen.Benchmarks.Throughput;

/// <summary>
/// The contacts a run creates: distinct names and emails, so TE's deduplication never merges two of them, owned by
/// the organization's first user and carrying its required groups (none unless the seed sets some).
/// </summary>
internal sealed class LoadContacts(SandboxOrganization organization)
{
    private const string Source = "TeGen throughput";

    public LoadContacts(TeSandbox sandbox)
        : this(sandbox.Organization)
    {
    }

    public long OwnerId { get; } = organization.Users[0].Id;

    public IReadOnlyList<string> RequiredGroups { get; } = [.. organization.RequiredContactGroups];

    public static string FirstName(int n) => $"Load{n}";

    public static string Email(int n) => $"load{n}@example.com";

    public NewContact ForTeGen(int n) => new()
    {
        Source = Source,
        FirstName = FirstName(n),
        LastName = "Test",
        Email = Email(n),
        Owner = new OwnerRef { Id = OwnerId },
        ContactGroups = [.. RequiredGroups.Select(name => new ContactGroupRef { GroupName = name })],
    };

    /// <summary>The same contact as the plain JSON a hand-rolled integration would send.</summary>
    public object ForNaive(int n) => new Dictionary<string, object>
    {
        ["source"] = Source,
        ["first_name"] = FirstName(n),
        ["last_name"] = "Test",
        ["email"] = Email(n),
        ["owner"] = new Dictionary<string, object> { ["id"] = OwnerId },
        ["contact_groups"] = RequiredGroups.Select(name => new Dictionary<string, object> { ["group_name"] = name }).ToArray(),
    };
}
