using TeGen.Client.Auth;
using TeGen.Client.Rules;

namespace TeGen.Client;

/// <summary>
/// The generated TE clients, sharing one authenticated, rate-limited, retrying pipeline. Whether calls run
/// "As Admin" or "As User" is part of the type: <see cref="TotalExpertAdminClient"/> (client credentials; owners
/// required on creates; admin-only resources available) or <see cref="TotalExpertUserClient"/> (a user's
/// authorization-code session; the user owns what it creates).
/// </summary>
public abstract partial class TotalExpertClient
{
    private protected TotalExpertClient(TotalExpertConnection connection, TotalExpertTokenProvider tokens, string? userKey = null)
    {
        Connection = connection;
        Tokens = tokens;
        Http = connection.CreateHttpClient(tokens);
        _leadGuard = connection.LeadGuard(userKey);

        // Insight type names are checked against the organization's list, read through a client of this pipeline.
        // Webhook actions likewise, against the organization's /v1/webhook-actions.
        Rules = new CreateRules(
            connection.Options,
            asAdmin: this is TotalExpertAdminClient,
            connection.InsightTypes,
            new InsightTypesClient(Http),
            new WebhookSubscriptionRules(connection.Options.BaseUrl, connection.WebhookActions, new WebhooksClient(Http)));
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

    /// <summary>TE's rules every generated client of this client applies before sending.</summary>
    internal CreateRules Rules { get; }

    /// <summary>The HttpClient the generated clients share (base address = TE host, SDK handlers included).</summary>
    protected internal HttpClient Http { get; }

    // Which of TE's two lead APIs the organization (or this user's) uses, learnt from successes; shared by the clients.
    private readonly LeadFamilyGuard _leadGuard;

    // Every generated client's property on this facade (TeGen.Build's Client.Class template) builds its client once,
    // on first use, through here: it applies this facade's rules, and the lead guard to the calls of TE's lead APIs.
    private protected T Attach<T>(T client)
        where T : TotalExpertClientBase
    {
        client.Rules = Rules;
        client.LeadGuard = _leadGuard;
        return client;
    }
}

/// <summary>
/// Acts "As Admin" (client credentials): sees the organization's records, must name an <c>owner</c> on creates,
/// and reaches the admin-only resources (<see cref="Users"/>, <see cref="Schema"/>: those whose operations the spec
/// marks <c>x-te-admin-only</c>).
/// </summary>
public sealed partial class TotalExpertAdminClient : TotalExpertClient
{
    internal TotalExpertAdminClient(TotalExpertConnection connection)
        : base(connection, connection.AdminTokens)
    {
    }
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
