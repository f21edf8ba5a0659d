using Microsoft.Extensions.Configuration;
using TeGen.Client;
using TeGen.Sandbox;

namespace TeGen.Quickstart;

/// <summary>
/// Where the quickstart runs: a real TE environment when <c>TotalExpert__BaseUrl</c>, <c>__ClientId</c> and
/// <c>__ClientSecret</c> are set, otherwise a TeGen.Sandbox started in this process (no credentials needed).
/// </summary>
public sealed class QuickstartEnvironment : IAsyncDisposable
{
    private static readonly string[] Credentials = ["BaseUrl", "ClientId", "ClientSecret"];

    private QuickstartEnvironment(TotalExpertClientOptions options, TeSandbox? sandbox)
    {
        Options = options;
        Sandbox = sandbox;
    }

    /// <summary>The client settings.</summary>
    public TotalExpertClientOptions Options { get; }

    /// <summary>The in-process sandbox, when no TE environment is configured.</summary>
    public TeSandbox? Sandbox { get; }

    /// <summary>A one-line description for the report.</summary>
    public string Description => Sandbox is null
        ? $"TE at {Options.BaseUrl} (from TotalExpert__* settings)"
        : $"TeGen.Sandbox in this process at {Options.BaseUrl} (no TotalExpert__* settings, so no TE credentials needed)";

    /// <summary>Reads the <c>TotalExpert</c> section and starts the sandbox when it names no environment.</summary>
    /// <param name="configuration">The configuration (environment variables in the quickstart).</param>
    /// <exception cref="InvalidOperationException">Only some of the three settings are present.</exception>
    public static async Task<QuickstartEnvironment> StartAsync(IConfiguration configuration)
    {
        var section = configuration.GetSection(TotalExpertClientOptions.SectionName);
        var present = Credentials.Where(name => !string.IsNullOrWhiteSpace(section[name])).ToList();
        if (present.Count is > 0 and < 3)
        {
            throw new InvalidOperationException(
                $"Set all of TotalExpert__BaseUrl, TotalExpert__ClientId and TotalExpert__ClientSecret to use a TE environment (missing: {string.Join(", ", Credentials.Except(present))}), or none of them to use the sandbox.");
        }

        var options = new TotalExpertClientOptions();
        section.Bind(options);
        if (present.Count == 3)
        {
            if (options.Scopes.Count == 0)
            {
                options.Scopes = ["leadInteraction", "leadSurveyInteraction", "getUsers"];
            }

            if (string.IsNullOrWhiteSpace(options.PartnerPrefix))
            {
                throw new InvalidOperationException("Set TotalExpert__PartnerPrefix to your partner name: insight types are named \"<Partner>: <Event>\".");
            }

            return new QuickstartEnvironment(options, null);
        }

        // The sandbox's organization requires the "Prospects" group on every contact, as some TE organizations do.
        // Strict: a member the SDK sends that the spec does not define is refused, not ignored.
        var sandboxOptions = new TeSandboxOptions { CreateMissingContactGroups = true, StrictRequestMembers = true };
        var organization = sandboxOptions.Organizations[0];
        organization.RequiredContactGroups.Add("Prospects");
        var sandbox = await TeSandbox.StartAsync(sandboxOptions);
        options.BaseUrl = sandbox.BaseUrl;
        options.ClientId = sandbox.ClientId;
        options.ClientSecret = sandbox.ClientSecret;
        options.Scopes = [.. organization.Scopes];
        options.PartnerPrefix ??= organization.Name;
        if (options.RequiredContactGroups.Count == 0)
        {
            options.RequiredContactGroups = [.. organization.RequiredContactGroups];
        }

        return new QuickstartEnvironment(options, sandbox);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Sandbox?.DisposeAsync() ?? ValueTask.CompletedTask;
}
