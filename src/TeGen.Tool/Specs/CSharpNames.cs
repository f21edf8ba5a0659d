namespace TeGen.Tool.Specs;

/// <summary>The names a C# user sees for spec names: PascalCase models and members, <c>OperationIdAsync</c> methods.</summary>
internal static class CSharpNames
{
    /// <summary>TeGen.Build's own rule, so the names <c>spec check</c> and <c>spec diff</c> print are the generated ones.</summary>
    public static string Pascal(string name) => TeGen.Build.Specs.CSharpIdentifiers.ToPascalCase(name);

    public static string Method(string operationId) => Pascal(operationId) + "Async";

    /// <summary>The C# type a schema is generated as: <c>long</c>, <c>string</c>, <c>DateTimeOffset</c>, <c>ICollection&lt;Contact&gt;</c>, ...</summary>
    public static string TypeOf(Microsoft.OpenApi.IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return "object";
        }

        if (schema is Microsoft.OpenApi.OpenApiSchemaReference reference && reference.Reference.Id is { } id)
        {
            return Pascal(id);
        }

        var type = schema.Type ?? 0;
        return type switch
        {
            _ when type.HasFlag(Microsoft.OpenApi.JsonSchemaType.Array) => $"ICollection<{TypeOf(schema.Items)}>",
            _ when type.HasFlag(Microsoft.OpenApi.JsonSchemaType.Integer) => schema.Format == "int64" ? "long" : "int",
            _ when type.HasFlag(Microsoft.OpenApi.JsonSchemaType.Number) => schema.Format == "float" ? "float" : "double",
            _ when type.HasFlag(Microsoft.OpenApi.JsonSchemaType.Boolean) => "bool",
            _ when type.HasFlag(Microsoft.OpenApi.JsonSchemaType.String) => schema.Format switch
            {
                "date" => "DateOnly",
                "date-time" => "DateTimeOffset",
                "binary" => "FileParameter",
                _ => "string",
            },
            _ => "object",
        };
    }
}
