namespace TeGen.Build.Specs;

/// <summary>
/// An operation whose C# method name the generator chooses itself, because the spec gives no operationId or one that
/// is no C# identifier.
/// </summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The operation's path.</param>
/// <param name="OperationId">The spec's operationId, or <c>null</c> when it has none.</param>
/// <param name="Name">The name the method is generated with (without <c>Async</c>).</param>
/// <param name="Line">The line of the operationId (or, without one, of the operation) in the spec as written.</param>
public sealed record SpecOperationName(string Method, string Path, string? OperationId, string Name, int Line);
