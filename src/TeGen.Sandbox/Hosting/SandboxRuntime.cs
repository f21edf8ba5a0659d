using TeGen.Sandbox.Faults;
using TeGen.Sandbox.Inspection;
using TeGen.Sandbox.Limits;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Hosting;

// The state of one sandbox instance, shared by the middleware, the endpoints and the in-process API.
internal sealed class SandboxRuntime
{
    public SandboxRuntime(TeSandboxOptions options)
    {
        Options = options;
        Clock = options.TimeProvider;
        Tenants = new Tenants(options.Organizations);
        Limits = new RateLimiter(options.RateLimits, Clock);
        Faults = new FaultInjector(options.Faults);
        Log = new RequestLog(options.RequestLogCapacity, Clock);
        StartedAt = Clock.GetUtcNow();
        Inspector = new SandboxInspector(this);
    }

    public TeSandboxOptions Options { get; }

    public TimeProvider Clock { get; }

    public Tenants Tenants { get; }

    public SandboxStore Store { get; } = new();

    public RateLimiter Limits { get; }

    public FaultInjector Faults { get; }

    public RequestLog Log { get; }

    public SandboxInspector Inspector { get; }

    // Seeded records (users, insight types, custom fields) carry this as their creation time.
    public DateTimeOffset StartedAt { get; }
}
