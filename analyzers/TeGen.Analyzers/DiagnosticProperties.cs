namespace TeGen.Analyzers;

/// <summary>Keys of the properties a diagnostic carries to its code fix.</summary>
internal static class DiagnosticProperties
{
    /// <summary>TE0001: the owner type to build, <c>OwnerRef</c> or <c>InsightOwnerRef</c>.</summary>
    public const string OwnerType = "OwnerType";

    /// <summary>TE0001: the factory of the configured default owner (<c>ById</c>, ...); absent when none fits.</summary>
    public const string OwnerFactory = "OwnerFactory";

    /// <summary>TE0001: the identifier of the configured default owner.</summary>
    public const string OwnerValue = "OwnerValue";

    /// <summary>TE0002: the configured partner prefix; absent when none is configured (no fix then).</summary>
    public const string PartnerPrefix = "PartnerPrefix";

    /// <summary>TE0005: the missing group names, one per line.</summary>
    public const string MissingGroups = "MissingGroups";
}
