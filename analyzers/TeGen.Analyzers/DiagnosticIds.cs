namespace TeGen.Analyzers;

/// <summary>The ids of TeGen's diagnostics. Stable: they appear in suppressions and .editorconfig files.</summary>
public static class DiagnosticIds
{
    /// <summary>An admin create model is built without an owner.</summary>
    public const string AdminOwnerMissing = "TE0001";

    /// <summary>An insight type name lacks the partner prefix.</summary>
    public const string InsightTypeWithoutPrefix = "TE0002";

    /// <summary>A connection or token provider is built per call.</summary>
    public const string ClientPerCall = "TE0003";

    /// <summary>The client secret is written in source code.</summary>
    public const string HardcodedClientSecret = "TE0004";

    /// <summary>A contact is created without the organization's required groups.</summary>
    public const string RequiredContactGroupMissing = "TE0005";

    /// <summary>A project calls both of TE's lead APIs, which no organization can use together.</summary>
    public const string BothLeadClients = "TE0006";
}
