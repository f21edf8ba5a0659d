namespace TeGen.Sandbox;

/// <summary>A custom field definition seeded into a sandbox organization.</summary>
public sealed class SandboxCustomField
{
    /// <summary>System name, the <c>field_name</c> used in a record's <c>custom</c> array.</summary>
    public required string SystemName { get; init; }

    /// <summary>Label shown in TE's user interface.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Data type: <c>text</c>, <c>datetime</c>, <c>date</c>, <c>boolean</c>, <c>integer</c> or <c>decimal</c>.</summary>
    public string DataType { get; init; } = "text";

    /// <summary>Kind of record the field belongs to: <c>loan</c>, <c>contact</c>, <c>account</c>, <c>user</c> or <c>entity</c>.</summary>
    public string EntityType { get; init; } = "contact";

    /// <summary>Free-form subtype of the record kind.</summary>
    public string? EntitySubtype { get; init; }

    /// <summary>Account class name the field is limited to, if any.</summary>
    public string? AccountClassName { get; init; }

    /// <summary>Account class type (<c>LOAN</c> or <c>ACCOUNT</c>) the field is limited to, if any.</summary>
    public string? AccountClassType { get; init; }
}
