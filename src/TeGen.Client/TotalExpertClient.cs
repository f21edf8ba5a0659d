using TeGen.Client.Auth;
using TeGen.Client.Rules;

namespace TeGen.Client;

/// <summary>
/// The generated TE clients, sharing one authenticated, rate-limited, retrying pipeline. Whether calls run
/// "As Admin" or "As User" is part of the type: <see cref="TotalExpertAdminClient"/> (client credentials; owners
/// required on creates; admin-only resources available) or <see cref="TotalExpertUserClient"/> (a user's
/// authorization-code session; the user owns what it creates).
/// </summary>
public abstract class TotalExpertClient
{
    private protected TotalExpertClient(TotalExpertConnection connection, TotalExpertTokenProvider tokens, string? userKey = null)
    {
        Connection = connection;
        Tokens = tokens;
        Http = connection.CreateHttpClient(tokens);
        InsightTypes = new InsightTypesClient(Http);
        Rules = new CreateRules(connection.Options, asAdmin: this is TotalExpertAdminClient, connection.InsightTypes, InsightTypes);
        Health = new HealthClient(Http) { Rules = Rules };
        Contacts = new ContactsClient(Http) { Rules = Rules };
        ContactGroups = new ContactGroupsClient(Http) { Rules = Rules };
        ContactNotes = new ContactNotesClient(Http) { Rules = Rules };
        ContactSurveys = new ContactSurveysClient(Http) { Rules = Rules };
        ContactSurveyResponses = new ContactSurveyResponsesClient(Http) { Rules = Rules };
        Insights = new InsightsClient(Http) { Rules = Rules };
        LoanTypes = new LoanTypesClient(Http) { Rules = Rules };
        LoanStatuses = new LoanStatusesClient(Http) { Rules = Rules };
        LoanPurposes = new LoanPurposesClient(Http) { Rules = Rules };
        LoanPrograms = new LoanProgramsClient(Http) { Rules = Rules };
        Accounts = new AccountsClient(Http) { Rules = Rules };
        AccountTypes = new AccountTypesClient(Http) { Rules = Rules };
        AccountStatuses = new AccountStatusesClient(Http) { Rules = Rules };
        AccountClassifications = new AccountClassificationsClient(Http) { Rules = Rules };
        Scenarios = new ScenariosClient(Http) { Rules = Rules };
        Loans = new LoansClient(Http) { Rules = Rules };
        var leadGuard = connection.LeadGuard(userKey);
        LeadOpportunities = new LeadOpportunitiesClient(Http) { Rules = Rules, LeadGuard = leadGuard };
        AlmLeads = new AlmLeadsClient(Http) { Rules = Rules, LeadGuard = leadGuard };
    }

    /// <summary>Whether this client acts As Admin (client credentials) rather than As a User.</summary>
    public bool IsAdmin => this is TotalExpertAdminClient;

    /// <summary>
    /// The full insight type name for <paramref name="eventName"/> with the configured
    /// <see cref="TotalExpertClientOptions.PartnerPrefix"/>: <c>"&lt;Prefix&gt;: &lt;Event&gt;"</c>.
    /// </summary>
    /// <param name="eventName">The event, e.g. <c>Loan application submitted</c>.</param>
    /// <exception cref="InvalidOperationException">No partner prefix is configured.</exception>
    public string InsightTypeName(string eventName) =>
        InsightTypeNames.Compose(
            Connection.Options.PartnerPrefix ?? throw new InvalidOperationException("TotalExpert:PartnerPrefix is not set; configure your partner name to build insight type names."),
            eventName);

    /// <summary>The connection (options, token store, rate limiter) this client uses.</summary>
    public TotalExpertConnection Connection { get; }

    /// <summary>The token provider this client authenticates with.</summary>
    public TotalExpertTokenProvider Tokens { get; }

    /// <summary><c>/v1/heartbeat</c> and <c>/v1/teapot</c>.</summary>
    public IHealthClient Health { get; }

    /// <summary><c>/v1/contacts</c>.</summary>
    public IContactsClient Contacts { get; }

    /// <summary><c>/v1/contact-groups</c>.</summary>
    public IContactGroupsClient ContactGroups { get; }

    /// <summary><c>/v1/contact-notes</c>.</summary>
    public IContactNotesClient ContactNotes { get; }

    /// <summary><c>/v1/contact-surveys</c>.</summary>
    public IContactSurveysClient ContactSurveys { get; }

    /// <summary><c>/v1/contact-survey-responses</c>.</summary>
    public IContactSurveyResponsesClient ContactSurveyResponses { get; }

    /// <summary><c>/v1/insights</c>.</summary>
    public IInsightsClient Insights { get; }

    /// <summary><c>/v1/insight-types</c>.</summary>
    public IInsightTypesClient InsightTypes { get; }

    /// <summary><c>/v1/loan-types</c>: the organization's loan types, unique by <c>loan_type</c>.</summary>
    public ILoanTypesClient LoanTypes { get; }

    /// <summary><c>/v1/loan-statuses</c>: the organization's loan statuses, unique by <c>loan_status</c>.</summary>
    public ILoanStatusesClient LoanStatuses { get; }

    /// <summary><c>/v1/loan-purposes</c>: the organization's loan purposes, unique by <c>loan_purpose</c>.</summary>
    public ILoanPurposesClient LoanPurposes { get; }

    /// <summary><c>/v1/loan-programs</c>: the organization's loan programs, unique by <c>loan_program</c>.</summary>
    public ILoanProgramsClient LoanPrograms { get; }

    /// <summary><c>/v1/accounts</c>: deposit-style accounts held by a contact.</summary>
    public IAccountsClient Accounts { get; }

    /// <summary><c>/v1/account-types</c>: the organization's account types, unique by <c>account_type</c>.</summary>
    public IAccountTypesClient AccountTypes { get; }

    /// <summary><c>/v1/account-statuses</c>: the organization's account statuses, unique by <c>account_status</c>.</summary>
    public IAccountStatusesClient AccountStatuses { get; }

    /// <summary><c>/v1/account-classifications</c>: the organization's account classes (read-only).</summary>
    public IAccountClassificationsClient AccountClassifications { get; }

    /// <summary><c>/v1/scenarios</c>: pricing scenarios, each owned by a user.</summary>
    public IScenariosClient Scenarios { get; }

    /// <summary><c>/v1/loans</c>: loans with their borrowers, agents and lookups, unique per owner by <c>external_id</c> or <c>loan_number</c>.</summary>
    public ILoansClient Loans { get; }
    /// <summary>
    /// <c>/v1/lead-opportunities</c>: lead opportunities (UUID ids). An organization uses these or <see cref="AlmLeads"/>,
    /// never both (<see cref="LeadFamilies"/>).
    /// </summary>
    public ILeadOpportunitiesClient LeadOpportunities { get; }

    /// <summary>
    /// <c>/v1/leads</c>: leads of TE's automated lead management. An organization uses these or
    /// <see cref="LeadOpportunities"/>, never both (<see cref="LeadFamilies"/>).
    /// </summary>
    public IAlmLeadsClient AlmLeads { get; }

    /// <summary>TE's rules every generated client of this client applies before sending.</summary>
    internal CreateRules Rules { get; }

    /// <summary>The HttpClient the generated clients share (base address = TE host, SDK handlers included).</summary>
    protected internal HttpClient Http { get; }
}

/// <summary>
/// Acts "As Admin" (client credentials): sees the organization's records, must name an <c>owner</c> on creates,
/// and reaches the admin-only resources (<see cref="Users"/>, <see cref="Schema"/>).
/// </summary>
public sealed class TotalExpertAdminClient : TotalExpertClient
{
    internal TotalExpertAdminClient(TotalExpertConnection connection)
        : base(connection, connection.AdminTokens)
    {
        Users = new UsersClient(Http) { Rules = Rules };
        Schema = new SchemaClient(Http) { Rules = Rules };
    }

    /// <summary><c>/v1/users</c> (organization admins only).</summary>
    public IUsersClient Users { get; }

    /// <summary><c>/v1/schema/*</c>: custom fields and loan participant roles (organization admins only).</summary>
    public ISchemaClient Schema { get; }
}

/// <summary>
/// Acts "As User" with a TE user's authorization-code session: records it creates belong to that user, and no
/// owner is needed. Admin-only resources are not available.
/// </summary>
public sealed class TotalExpertUserClient : TotalExpertClient
{
    internal TotalExpertUserClient(TotalExpertConnection connection, string userKey)
        : base(connection, connection.UserTokenProvider(userKey), userKey)
    {
        UserKey = userKey;
    }

    /// <summary>The key this user's session is stored under.</summary>
    public string UserKey { get; }
}
