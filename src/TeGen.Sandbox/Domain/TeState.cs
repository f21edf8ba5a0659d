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

    // Seeded records (users, insight types, custom fields) carry this as their creation time.
    public DateTimeOffset StartedAt { get; } = options.TimeProvider.GetUtcNow();
}
