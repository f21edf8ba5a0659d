namespace TeGen.Sandbox.Spec;

// A query or path parameter of an operation.
internal sealed record SpecParameter(string Name, bool Required, Shape Shape);
