namespace TeGen.Build.Specs;

/// <summary>The TEGEN codes TeGen.Build reports (documented in docs/tegen-build.md).</summary>
public static class SpecDiagnosticCodes
{
    /// <summary>The OpenAPI description is invalid (unreadable YAML/JSON, a reference to nothing).</summary>
    public const string InvalidSpec = "TEGEN001";

    /// <summary>NSwag cannot be found.</summary>
    public const string NSwagMissing = "TEGEN002";

    /// <summary>NSwag itself failed (bad arguments, a crash), not because of the spec.</summary>
    public const string NSwagFailed = "TEGEN003";

    /// <summary>Two specs of one project generate into one namespace.</summary>
    public const string SharedNamespace = "TEGEN004";

    /// <summary>An operation's success response has content but no schema: the method returns no body.</summary>
    public const string UntypedOperation = "TEGEN010";

    /// <summary>A schema names a <c>type</c> OpenAPI does not know.</summary>
    public const string UnknownSchemaType = "TEGEN011";

    /// <summary>Two operations share an operationId; the later one is renamed.</summary>
    public const string DuplicateOperationId = "TEGEN012";

    /// <summary>The spec refers to other files, so it is generated as written, without renaming.</summary>
    public const string ExternalReferences = "TEGEN013";
}
