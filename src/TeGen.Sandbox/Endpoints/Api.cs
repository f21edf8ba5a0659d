using TeGen.Sandbox.Domain;
using TeGen.Sandbox.Spec;

namespace TeGen.Sandbox.Endpoints;

// What the operation endpoints serve: the spec's operations, the rules behind them and the state they act on.
internal sealed record Api(TeSpec Spec, Resources Resources, TeState State);
