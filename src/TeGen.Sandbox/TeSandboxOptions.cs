using TeGen.Sandbox.Faults;

namespace TeGen.Sandbox;

/// <summary>
/// Settings of a <see cref="TeSandbox"/>: the seeded organizations, the clock, token lifetimes, limits, initial
/// faults, and every behaviour TE leaves undocumented.
/// </summary>
/// <remarks>
/// <para>
/// Where TE's documentation is silent or contradicts itself the sandbox does not bake a guess in: each such behaviour
/// is one of these options, defaulting to the most likely reading.
/// </para>
/// <list type="table">
/// <listheader><term>option (default)</term><description>what is uncertain</description></listheader>
/// <item><term><see cref="IssueRefreshTokenForClientCredentials"/> (<c>false</c>)</term><description>whether client-credentials token responses carry a refresh token.</description></item>
/// <item><term><see cref="RotateRefreshTokens"/> (<c>true</c>)</term><description>whether a refresh issues a new refresh token and retires the old one.</description></item>
/// <item><term><see cref="RateLimitOptions.CountTokenRequestsAsRequests"/> (<c>true</c>)</term><description>whether token requests also count toward the per-minute request limit.</description></item>
/// <item><term><see cref="PageEnvelope"/> (<see cref="Sandbox.PageEnvelope.Items"/>)</term><description>the collection array key: <c>items</c> in every example, <c>objects</c> in the prose.</description></item>
/// <item><term><see cref="ValidationErrorStatus"/> (<c>422</c>)</term><description>the status of a missing or invalid field on classic endpoints (newer endpoints use 400).</description></item>
/// <item><term><see cref="RequiredGroupErrorStatus"/> (<c>422</c>)</term><description>the status when a contact lacks an organization's required groups.</description></item>
/// <item><term><see cref="NotFoundStatus"/> (<c>404</c>)</term><description>the status of an unknown id on classic endpoints.</description></item>
/// <item><term><see cref="RejectOutOfRangePages"/> (<c>false</c>)</term><description>whether a page past the last answers 422 (as lead opportunities do) or an empty page.</description></item>
/// <item><term><see cref="RejectOversizedPages"/> (<c>false</c>)</term><description>whether <c>page[size]</c> above <see cref="MaxPageSize"/> answers 400 or is clamped.</description></item>
/// <item><term><see cref="RejectUnknownQueryFields"/> (<c>true</c>)</term><description>whether an unknown filter or sort field answers 400 (as lead opportunities do) or is ignored.</description></item>
/// <item><term><see cref="CreateMissingContactGroups"/> (<c>false</c>)</term><description>whether a contact naming a group its owner lacks creates it, or gets 422 for the relationship.</description></item>
/// <item><term><see cref="HideOwnerFromUsers"/> (<c>false</c>)</term><description>whether As-User responses omit <c>owner</c> (the tables say so, an example shows it).</description></item>
/// <item><term><see cref="RelatedUserIdsAsStrings"/> (<c>false</c>)</term><description>whether related user ids are returned as JSON strings (<c>"59"</c>), as some examples show.</description></item>
/// <item><term><see cref="AcceptIsoDates"/> (<c>false</c>)</term><description>whether body dates may also be ISO 8601 instead of <c>YYYY-MM-DD hh:mm:ss</c>.</description></item>
/// <item><term><see cref="DeduplicateSurveys"/> (<c>false</c>)</term><description>whether a survey create with an existing <c>survey_name</c> + <c>version</c> updates that survey.</description></item>
/// <item><term><see cref="SurveyUpdateReturnsEmptyArray"/> (<c>false</c>)</term><description>whether a survey PATCH answers <c>[]</c> like other updates instead of the <c>{created, id}</c> object of TE's example.</description></item>
/// <item><term><see cref="DeduplicateEmailUnsubscribes"/> (<c>true</c>)</term><description>whether a second unsubscribe of an address changes the first (TE has no update operation but takes <c>remove_*</c> members).</description></item>
/// <item><term><see cref="RefuseUnconvertibleSmsNumbers"/> (<c>true</c>)</term><description>whether SMS consent for a number TE cannot convert to E.164 is refused or recorded.</description></item>
/// <item><term><see cref="LoanLookupDefaultAccountClass"/> (<c>Mortgage</c>)</term><description>the account class a loan type, status, purpose or program gets when its create names none (TE says so of loans; of their lookups it is inferred).</description></item>
/// <item><term><see cref="EntityTypes"/> (<c>household</c>)</term><description>the entity types an entity's <c>entity_type</c> may name (TE shows households only and publishes no list).</description></item>
/// <item><term><see cref="RecruitPercentUnit"/> (<c>Percent</c>)</term><description>which recruit metrics TE's "no more than 100 %" rule adds up: those measured in this unit (inferred).</description></item>
/// <item><term><see cref="LeadFamilies"/> (<see cref="SandboxLeadFamilies.FirstUsed"/>)</term><description>how TE decides which of its two lead APIs an organization uses (its answer to the other is taken to be 403).</description></item>
/// <item><term><see cref="LinkHost"/> (request host)</term><description>the host in <c>created</c>/<c>duplicate</c> links (examples show several, without scheme).</description></item>
/// <item><term><see cref="RequiredScopes"/></term><description>which scope each resource needs (only partly documented).</description></item>
/// </list>
/// <para>
/// Request bodies are checked against the spec of the operation (<c>spec/totalexpert.openapi.yaml</c>, embedded in the
/// sandbox): a member of the wrong type is refused naming it, with TE's coercions accepted (numbers as strings,
/// <c>1</c>/<c>0</c> and <c>"True"</c>/<c>"False"</c> booleans, <c>YYYY-MM-DD hh:mm:ss</c> and <c>YYYY-MM-DD</c> dates,
/// <c>0000-00-00 00:00:00</c> clearing). A member the spec does not define is ignored, or refused with
/// <see cref="StrictRequestMembers"/>.
/// </para>
/// <para>
/// Fixed readings, documented here because they are readings too: contacts are deduplicated within the owner's
/// contacts, names/emails/addresses compared case-insensitively after trimming; a POST carrying the <c>id</c> of a
/// visible contact updates it (owner transfer) without the create minimum; required groups are checked on every
/// contact POST; notes must name a contact of their owner, survey responses and insights any contact the caller
/// sees; notes, survey responses and insights are never deduplicated; an owner named by several identifiers must
/// match on all of them; lending lookups (loan types, statuses, purposes, programs; account types and statuses) are
/// unique by their name within the organization, compared case-insensitively, so a create naming an existing one
/// updates it (<c>200</c> with <c>duplicate</c>) and an update renaming one onto another's name is refused; accounts,
/// scenarios, lead opportunities and ALM leads are never deduplicated; an ALM lead's person joins a contact of the lead's
/// owner matched by the contact uniqueness sets, or becomes one; an unowned admin ALM lead goes to the organization's
/// first user (TE routes it); the ALM simple-auth key is accepted and ignored, the bearer token still required.
/// </para>
/// </remarks>
public sealed class TeSandboxOptions
{
    /// <summary>Clock for token expiry, limits and timestamps. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Seeded organizations; the first is the one <see cref="TeSandbox.ClientId"/> and friends describe. Default: Acme
    /// Lending. <see cref="SandboxOrganization.Many"/> seeds several for multi-tenant tests; their records are isolated
    /// from each other, their requests from one source IP share its limits. Standalone:
    /// <c>--Sandbox:OrganizationCount=5</c>.
    /// </summary>
    public IList<SandboxOrganization> Organizations { get; set; } = [SandboxOrganization.AcmeLending()];

    /// <summary>Lifetime of access tokens. Default one hour (TE's <c>expires_in</c> 3600).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Lifetime of refresh tokens. Default two weeks.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Lifetime of authorization codes. Default ten minutes (the OAuth 2.0 maximum).</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether client-credentials token responses include a <c>refresh_token</c>. Uncertain; default <c>false</c>.</summary>
    public bool IssueRefreshTokenForClientCredentials { get; set; }

    /// <summary>Whether a refresh returns a new refresh token and retires the one used. Default <c>true</c>.</summary>
    public bool RotateRefreshTokens { get; set; } = true;

    /// <summary>TE's request and token limits.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Faults active from start; change them at run time through <see cref="TeSandbox.Faults"/> or <c>/_sandbox/faults</c>.</summary>
    public FaultSettings? Faults { get; set; }

    /// <summary>Array key of collection responses. Default <see cref="Sandbox.PageEnvelope.Items"/>.</summary>
    public PageEnvelope PageEnvelope { get; set; } = PageEnvelope.Items;

    /// <summary>Page size when <c>page[size]</c> is absent. Default 10.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest page size. Default 100 (documented for contacts, assumed elsewhere).</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Whether a page number past the last page answers 422 instead of an empty page. Default <c>false</c>.</summary>
    public bool RejectOutOfRangePages { get; set; }

    /// <summary>Whether a page size above <see cref="MaxPageSize"/> answers 400 instead of being clamped. Default <c>false</c>.</summary>
    public bool RejectOversizedPages { get; set; }

    /// <summary>Whether unknown filter or sort fields answer 400 instead of being ignored. Default <c>true</c>.</summary>
    public bool RejectUnknownQueryFields { get; set; } = true;

    /// <summary>Status of a missing or invalid field (body <c>{"error": ...}</c> naming the field). Default 422.</summary>
    public int ValidationErrorStatus { get; set; } = 422;

    /// <summary>Status when a contact create lacks a required contact group. Default 422.</summary>
    public int RequiredGroupErrorStatus { get; set; } = 422;

    /// <summary>Status of GET/PATCH/DELETE on an unknown or invisible id. Default 404.</summary>
    public int NotFoundStatus { get; set; } = 404;

    /// <summary>Whether a contact naming a group (by <c>group_name</c>) its owner lacks creates that group. Default <c>false</c> (422).</summary>
    public bool CreateMissingContactGroups { get; set; }

    /// <summary>Whether responses to As-User calls omit <c>owner</c>. Default <c>false</c>.</summary>
    public bool HideOwnerFromUsers { get; set; }

    /// <summary>Whether related user ids (<c>owner.id</c>, <c>assignee.id</c>, ...) are returned as JSON strings. Default <c>false</c>.</summary>
    public bool RelatedUserIdsAsStrings { get; set; }

    /// <summary>Whether body dates may also be ISO 8601. Default <c>false</c>: only <c>YYYY-MM-DD hh:mm:ss</c> and <c>YYYY-MM-DD</c>.</summary>
    public bool AcceptIsoDates { get; set; }

    /// <summary>Whether surveys are deduplicated on <c>survey_name</c> + <c>version</c>. Default <c>false</c>.</summary>
    public bool DeduplicateSurveys { get; set; }

    /// <summary>Whether a survey PATCH answers <c>[]</c> instead of <c>{"created": ..., "id": ...}</c>. Default <c>false</c>.</summary>
    public bool SurveyUpdateReturnsEmptyArray { get; set; }

    /// <summary>
    /// Whether an e-mail unsubscribe create for an address already unsubscribed updates that record (<c>200</c> with
    /// <c>duplicate</c>) instead of adding another. Default <c>true</c>: TE's create takes <c>remove_users</c> and
    /// <c>remove_domains</c> and there is no update operation, which only makes sense on an existing record (inferred).
    /// </summary>
    public bool DeduplicateEmailUnsubscribes { get; set; } = true;

    /// <summary>
    /// Whether an SMS opt-in or opt-out for a number TE cannot convert to E.164 is refused (<c>422</c>). Default
    /// <c>true</c>: TE flags such numbers and SMS does not work for them, so recording consent for one is taken to fail
    /// (inferred). <c>false</c> records it as given.
    /// </summary>
    public bool RefuseUnconvertibleSmsNumbers { get; set; } = true;

    /// <summary>
    /// The <c>class_name</c> of the account class a loan type, status, purpose or program created without
    /// <c>account_class</c> gets, when the organization has that class. Default <c>Mortgage</c>: TE files a loan without a
    /// class under mortgage, and its lookups are taken to follow the loans (inferred). <c>null</c> leaves the class unset.
    /// </summary>
    public string? LoanLookupDefaultAccountClass { get; set; } = "Mortgage";

    /// <summary>
    /// The <c>system_name</c>s an entity's <c>entity_type</c> may name; another is <c>422</c> for the relationship.
    /// Default <c>household</c>, the only type TE's material shows (it publishes no list of types), compared without
    /// regard to case.
    /// </summary>
    public IList<string> EntityTypes { get; set; } = ["household"];

    /// <summary>
    /// The <c>unit_name</c> of the recruit metric unit whose metrics may not add up to more than 100 on one recruit
    /// (<c>422</c>). Default <c>Percent</c>: TE refuses metrics summing past 100 %, and which metrics it adds is inferred to
    /// be those measured in percent. <c>null</c> turns the check off.
    /// </summary>
    public string? RecruitPercentUnit { get; set; } = "Percent";

    /// <summary>
    /// Which of TE's two lead APIs an organization may use: lead opportunities or ALM leads, never both. Default
    /// <see cref="SandboxLeadFamilies.FirstUsed"/>: whichever the organization holds a record of (TE sets it per
    /// organization; how is not documented). Calls to the other answer <c>403</c>. Standalone:
    /// <c>--Sandbox:LeadFamilies=AlmLeads</c>.
    /// </summary>
    public SandboxLeadFamilies LeadFamilies { get; set; }

    /// <summary>Host (without or with scheme) used in <c>created</c>/<c>duplicate</c> links. Default: the request's Host header.</summary>
    public string? LinkHost { get; set; }

    /// <summary>
    /// The loopback port <see cref="TeSandbox.StartAsync"/> listens on; 0 (the default) takes a free one. A fixed port
    /// keeps one base URL across restarts (e.g. <c>tegen sandbox --port 5080</c>); the sandbox binds to 127.0.0.1 only.
    /// </summary>
    public int Port { get; set; }

    /// <summary>
    /// Scope each resource needs, keyed by path prefix. A token lacking it gets <c>401 insufficient_scope</c>. Default:
    /// <c>leadInteraction</c> for contacts, groups, notes, insights and insight types; <c>leadSurveyInteraction</c> for
    /// surveys and responses; <c>getUsers</c> for users; <c>describeSchema</c> for <c>/v1/schema</c>. Clear it to skip
    /// scope checks.
    /// </summary>
    public IDictionary<string, string> RequiredScopes { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["/v1/contacts"] = "leadInteraction",
        ["/v1/contact-groups"] = "leadInteraction",
        ["/v1/contact-notes"] = "leadInteraction",
        ["/v1/insights"] = "leadInteraction",
        ["/v1/insight-types"] = "leadInteraction",
        ["/v1/contact-surveys"] = "leadSurveyInteraction",
        ["/v1/contact-survey-responses"] = "leadSurveyInteraction",
        ["/v1/users"] = "getUsers",
        ["/v1/schema"] = "describeSchema",
    };

    /// <summary>
    /// Where the sandbox logs (an unexpected failure, answered with a 500, is logged as an error with its exception).
    /// Default <c>null</c>: a sandbox hosted in-process logs nowhere; the standalone one logs warnings to the console.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Whether a request member the spec does not define is refused (<see cref="ValidationErrorStatus"/>, naming it, e.g.
    /// <c>Unknown field: 'owner.nickname'</c>) instead of ignored. Default <c>false</c>: TE's own strictness is not
    /// documented, and ignoring unknown members is what a lenient server does. Standalone:
    /// <c>--Sandbox:StrictRequestMembers=true</c> or the environment variable <c>Sandbox__StrictRequestMembers=true</c>,
    /// which is also the default of an in-process sandbox (so a test suite can run every sandbox it starts strict).
    /// </summary>
    public bool StrictRequestMembers { get; set; } =
        string.Equals(Environment.GetEnvironmentVariable("Sandbox__StrictRequestMembers"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Path of an OpenAPI description to serve instead of the embedded <c>spec/totalexpert.openapi.yaml</c>, e.g. a copy
    /// with a resource being added. Default <c>null</c>. Standalone: <c>--Sandbox:SpecFile=path</c>.
    /// </summary>
    public string? SpecFile { get; set; }

    /// <summary>How many recent requests the request log keeps. Default 200.</summary>
    public int RequestLogCapacity { get; set; } = 200;

    /// <summary>Webhook subscriptions and the notifications the sandbox sends (<see cref="SandboxWebhookOptions"/>).</summary>
    public SandboxWebhookOptions Webhooks { get; set; } = new();
}
