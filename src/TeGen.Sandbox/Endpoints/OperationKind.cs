using TeGen.Sandbox.Spec;

namespace TeGen.Sandbox.Endpoints;

// What an operation does, read from its method and path: the five of a collection, or a fixed answer.
internal enum OperationKind
{
    List,
    Get,
    Create,
    Update,
    Delete,
    Fixed,
}

internal static class OperationKinds
{
    public static OperationKind Of(SpecOperation operation) => (operation.Method, operation.IsItem) switch
    {
        ("GET", true) => OperationKind.Get,
        ("GET", false) when operation.Paged || operation.ResponseShape(operation.SuccessStatus)?.Properties.ContainsKey("items") == true => OperationKind.List,
        ("POST", false) when operation.Responses.ContainsKey(StatusCodes.Status201Created) || operation.ResponseShape(operation.SuccessStatus)?.Properties.ContainsKey("created") == true => OperationKind.Create,
        ("PATCH" or "PUT", true) => OperationKind.Update,
        ("DELETE", true) => OperationKind.Delete,
        _ => OperationKind.Fixed,
    };
}
