using Microsoft.CodeAnalysis;

namespace TeGen.Analyzers;

/// <summary>Every TeGen rule: one descriptor per id, all Warning by default, each with its documentation page.</summary>
internal static class Descriptors
{
    private const string UsageCategory = "TeGen.Usage";
    private const string ReliabilityCategory = "TeGen.Reliability";
    private const string SecurityCategory = "TeGen.Security";

    public static readonly DiagnosticDescriptor AdminOwnerMissing = new DiagnosticDescriptor(
        DiagnosticIds.AdminOwnerMissing,
        title: "Admin create names no owner",
        messageFormat: "'{0}' is created As Admin without an owner: TE files every record under a user, and the SDK refuses an admin create that names none; set Owner",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "With client credentials (TotalExpertAdminClient, or a project declaring tegen.mode = admin) TE requires an owner on contacts, contact groups, notes, survey responses and insights. Without one the SDK refuses the create before sending, unless TotalExpertClientOptions.DefaultOwner is configured at run time.",
        helpLinkUri: HelpLink(DiagnosticIds.AdminOwnerMissing));

    public static readonly DiagnosticDescriptor InsightTypeWithoutPrefix = new DiagnosticDescriptor(
        DiagnosticIds.InsightTypeWithoutPrefix,
        title: "Insight type name lacks the partner prefix",
        messageFormat: "Insight type \"{0}\" {1}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "TE names insight types \"<Partner>: <Event>\" so that it can tell which integration an event came from. A name without the partner prefix (tegen.partner_prefix, or the TeGenPartnerPrefix MSBuild property) is refused by the SDK or unknown to TE.",
        helpLinkUri: HelpLink(DiagnosticIds.InsightTypeWithoutPrefix));

    public static readonly DiagnosticDescriptor ClientPerCall = new DiagnosticDescriptor(
        DiagnosticIds.ClientPerCall,
        title: "TE connection or token provider built per call",
        messageFormat: "'{0}' is created {1}: each instance can spend one of TE's 2 token requests per hour; register it once with services.AddTotalExpert(...) or keep one shared instance",
        category: ReliabilityCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "TE allows 2 token requests per hour per source IP. A TotalExpertConnection or token provider owns the token it caches; building one in a loop, per request, or in a short using block makes every instance a candidate for a new token request.",
        helpLinkUri: HelpLink(DiagnosticIds.ClientPerCall));

    public static readonly DiagnosticDescriptor HardcodedClientSecret = new DiagnosticDescriptor(
        DiagnosticIds.HardcodedClientSecret,
        title: "TE client secret written in source code",
        messageFormat: "The TE client secret is hard-coded; read it from configuration (user secrets, environment variables, a key vault) instead",
        category: SecurityCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A client secret in source code ends up in version control and in every build output; whoever reads it can act As Admin in your TE organization.",
        helpLinkUri: HelpLink(DiagnosticIds.HardcodedClientSecret));

    public static readonly DiagnosticDescriptor RequiredContactGroupMissing = new DiagnosticDescriptor(
        DiagnosticIds.RequiredContactGroupMissing,
        title: "Contact created without a required group",
        messageFormat: "This contact lacks the required contact group{0} {1}; add {2} to ContactGroups",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The project declares groups every contact must belong to (tegen.required_groups). A contact created without them is either refused by the SDK or silently given them at run time, depending on TotalExpertClientOptions.MissingRequiredGroups.",
        helpLinkUri: HelpLink(DiagnosticIds.RequiredContactGroupMissing));

    public static readonly DiagnosticDescriptor BothLeadClients = new DiagnosticDescriptor(
        DiagnosticIds.BothLeadClients,
        title: "Project uses both lead clients",
        messageFormat: "'{0}' calls TE's {1}, and this project also calls its {2} ('{3}'): a TE organization uses one of the two lead APIs, never both",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "TE lets an organization use lead opportunities (ILeadOpportunitiesClient, /v1/lead-opportunities) or automated lead management (IAlmLeadsClient, /v1/leads), not both. Code calling both fails for every organization on one of the two paths: TE refuses it, and the SDK refuses it before sending once a connection has used the other.",
        helpLinkUri: HelpLink(DiagnosticIds.BothLeadClients),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    private static string HelpLink(string id) => RepositoryInfo.Url + "/blob/main/docs/analyzers/" + id + ".md";
}
