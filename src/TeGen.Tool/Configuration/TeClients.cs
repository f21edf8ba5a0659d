using Microsoft.Extensions.Configuration;
using TeGen.Client;
using TeGen.Client.Auth;
using TeGen.Client.Http;

namespace TeGen.Tool.Configuration;

/// <summary>
/// The TE clients one command uses: the admin client of the configured credential (or of <c>--organization</c>), its
/// tokens cached in files so a restarted run reuses them, and a twin that applies the same rules without sending.
/// </summary>
internal sealed class TeClients : IDisposable
{
    private readonly IDisposable _owner;
    private readonly TotalExpertConnection _validation;

    private TeClients(IDisposable owner, TotalExpertAdminClient admin, TotalExpertClientOptions options)
    {
        _owner = owner;
        Admin = admin;
        Options = options;
        _validation = new TotalExpertConnection(ValidationOptions(options));
        Validator = _validation.CreateAdminClient();
    }

    /// <summary>The client that talks to TE.</summary>
    public TotalExpertAdminClient Admin { get; }

    /// <summary>A client with the same rules (default owner, required groups) that answers every call itself.</summary>
    public TotalExpertAdminClient Validator { get; }

    /// <summary>The effective settings (the organization's, inheriting the partner's).</summary>
    public TotalExpertClientOptions Options { get; }

    /// <summary>Connects with the <c>TotalExpert</c> section of <paramref name="configuration"/>.</summary>
    /// <exception cref="InvalidOperationException">A setting is missing or invalid, or the organization is not configured.</exception>
    public static TeClients Open(IConfiguration configuration, string? organization, TimeProvider time)
    {
        var section = configuration.GetSection(TotalExpertClientOptions.SectionName);
        var tokens = new FileTokenStore(ToolConfiguration.TokenCacheDirectory(configuration));
        if (organization is null)
        {
            var options = new TotalExpertClientOptions();
            section.Bind(options);
            var connection = new TotalExpertConnection(options, tokens, time);
            return new TeClients(connection, connection.CreateAdminClient(), connection.Options);
        }

        var partner = TotalExpertPartner.FromConfiguration(section, tokens, time);
        if (!partner.Organizations.Contains(organization, StringComparer.OrdinalIgnoreCase))
        {
            var known = partner.Organizations.Count == 0 ? "none" : string.Join(", ", partner.Organizations);
            partner.Dispose();
            throw new InvalidOperationException($"Organization '{organization}' is not configured under TotalExpert:Organizations (configured: {known}).");
        }

        return new TeClients(partner, partner.ForOrganization(organization), partner.Connection(organization).Options);
    }

    public void Dispose()
    {
        _validation.Dispose();
        _owner.Dispose();
    }

    // Only what TE's rules read is copied; the credentials are placeholders, since nothing is ever sent.
    private static TotalExpertClientOptions ValidationOptions(TotalExpertClientOptions options)
    {
        var copy = new TotalExpertClientOptions
        {
            BaseUrl = options.BaseUrl,
            ClientId = "validation-only",
            ClientSecret = "validation-only",
            DefaultOwner = options.DefaultOwner,
            PartnerPrefix = options.PartnerPrefix,
            RequiredContactGroups = [.. options.RequiredContactGroups],
            MissingRequiredGroups = options.MissingRequiredGroups,
            Retry = new RetryHandlerOptions { Enabled = false },
        };
        copy.AddHandler(() => new ValidateOnlyHandler(), TeHandlerPosition.PerCall);
        return copy;
    }
}
