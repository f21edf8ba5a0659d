using TeGen.Sandbox.Domain;
using TeGen.Sandbox.Endpoints;
using TeGen.Sandbox.Faults;
using TeGen.Sandbox.Inspection;
using TeGen.Sandbox.Limits;
using TeGen.Sandbox.Seed;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Views;
using TeGen.Sandbox.Webhooks;

namespace TeGen.Sandbox.Hosting;

// One sandbox instance, wired: the spec it serves (possibly still being read), TE's rules over the state, the limits,
// faults and request log, and the inspector.
internal sealed class SandboxRuntime
{
    private readonly Task<TeSpec> _spec;
    private readonly Lazy<Api> _api;

    public SandboxRuntime(TeSandboxOptions options, Task<TeSpec> spec)
    {
        _spec = spec;
        Options = options;
        State = new TeState(options);
        SeedRecords.Load(State);
        _api = new Lazy<Api>(() => new Api(Spec, new Resources(Spec), State));
        Limits = new RateLimiter(options.RateLimits, options.TimeProvider);
        Faults = new FaultInjector(options.Faults);
        Log = new RequestLog(options.RequestLogCapacity, options.TimeProvider);
        var webhookLog = new WebhookLog();
        Webhooks = new WebhookSender(State.Webhooks, webhookLog, options.Webhooks, options.TimeProvider);
        Inspector = new SandboxInspector(new Lazy<View>(() => new View(State.Tenants, State.Store, options, Spec, AsUser: false)), Log, Limits, State.Reset, webhookLog);
    }

    public TeSandboxOptions Options { get; }

    public TeSpec Spec => _spec.GetAwaiter().GetResult();

    public TeState State { get; }

    public Api Api => _api.Value;

    public Tenants Tenants => State.Tenants;

    public RateLimiter Limits { get; }

    public FaultInjector Faults { get; }

    public RequestLog Log { get; }

    public SandboxInspector Inspector { get; }

    // Sends the notifications TE's rules queue, while the host runs.
    public WebhookSender Webhooks { get; }
}
