namespace TeGen.Tool.Specs;

/// <summary>How an operation, model or member changed between two specs.</summary>
internal enum SpecChangeKind
{
    Added,
    Removed,
    Retyped,
    RequiredChanged,
}
