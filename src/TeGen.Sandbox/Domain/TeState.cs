using TeGen.Sandbox.Seed;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// What TE's rules act on: the options, the clock, the seeded organizations and the store.
internal sealed class TeState(TeSandboxOptions options)
{
    public TeSandboxOptions Options { get; } = options;

    public TimeProvider Clock { get; } = options.TimeProvider;

    public Tenants Tenants { get; } = new(options.Organizations);

    public SandboxStore Store { get; } = new();

    // Notifications waiting for the sender (Webhooks/), in the order of the changes.
    public WebhookOutbox Webhooks { get; } = new();

    // Seeded records (users, insight types, custom fields, groups, surveys) carry this as their creation time.
    public DateTimeOffset StartedAt { get; } = options.TimeProvider.GetUtcNow();

    // Empties the store but for what TE provisions, and brings back the groups and surveys organizations start with.
    public void Reset()
    {
        Store.ClearData();
        SeedRecords.Restore(this);
    }
}
