using TeGen.Sandbox.Domain;
using TeGen.Sandbox.Endpoints;
using TeGen.Sandbox.Faults;
using TeGen.Sandbox.Inspection;
using TeGen.Sandbox.Limits;
using TeGen.Sandbox.Seed;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Views;

namespace TeGen.Sandbox.Hosting;

// One sandbox instance, wired: the spec it serves, TE's rules over the state, the limits, faults and request log,
// and the inspector.
internal sealed class SandboxRuntime
{
    public SandboxRuntime(TeSandboxOptions options, TeSpec spec)
    {
        Options = options;
        Spec = spec;
        State = new TeState(options);
        SeedRecords.Load(State);
        Api = new Api(Spec, new Resources(Spec), State);
        Limits = new RateLimiter(options.RateLimits, options.TimeProvider);
        Faults = new FaultInjector(options.Faults);
        Log = new RequestLog(options.RequestLogCapacity, options.TimeProvider);
        Inspector = new SandboxInspector(new View(State.Tenants, State.Store, options, Spec, AsUser: false), Log, Limits);
    }

    public TeSandboxOptions Options { get; }

    public TeSpec Spec { get; }

    public TeState State { get; }

    public Api Api { get; }

    public Tenants Tenants => State.Tenants;

    public RateLimiter Limits { get; }

    public FaultInjector Faults { get; }

    public RequestLog Log { get; }

    public SandboxInspector Inspector { get; }
}
