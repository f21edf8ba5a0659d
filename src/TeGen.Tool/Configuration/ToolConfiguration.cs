using System.CommandLine;
using Microsoft.Extensions.Configuration;
using TeGen.Tool.Cli;

namespace TeGen.Tool.Configuration;

/// <summary>
/// Reads the TE settings and credentials the way a deployed application does: user secrets (id <c>tegen</c>), an
/// optional <c>--config</c> JSON file, then environment variables (<c>TotalExpert__ClientId</c>, ...). A secret given as
/// a flag is used but warned about.
/// </summary>
internal static class ToolConfiguration
{
    public const string TokenCacheKey = "Tegen:TokenCache";

    public static IConfiguration Build(ParseResult parse, GlobalOptions options, ToolEnvironment environment)
    {
        var builder = new ConfigurationBuilder();
        builder.AddUserSecrets(typeof(ToolConfiguration).Assembly, optional: true);
        if (parse.GetValue(options.Config) is { } file)
        {
            builder.AddJsonFile(file.FullName, optional: false);
        }

        builder.AddEnvironmentVariables();
        if (environment.Configuration is { } extra)
        {
            builder.AddConfiguration(extra);
        }

        var flags = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (parse.GetValue(options.ClientSecret) is { } secret)
        {
            environment.Error.WriteLine("warning: --client-secret puts the secret in your shell history and the process list; set TotalExpert__ClientSecret or use `dotnet user-secrets --id tegen` instead.");
            flags["TotalExpert:ClientSecret"] = secret;
        }

        if (parse.GetValue(options.TokenCache) is { } cache)
        {
            flags[TokenCacheKey] = cache.FullName;
        }

        builder.AddInMemoryCollection(flags);
        return builder.Build();
    }

    /// <summary>The token cache directory: <c>--token-cache</c>, <c>Tegen:TokenCache</c>, or the user's local data folder.</summary>
    public static string TokenCacheDirectory(IConfiguration configuration) =>
        configuration[TokenCacheKey] is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "tegen", "tokens");
}
