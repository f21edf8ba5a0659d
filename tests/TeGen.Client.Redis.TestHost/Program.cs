using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TeGen.Client;
using TeGen.Client.Auth;
using TeGen.Client.Http;
using TeGen.Client.Redis;
using TeGen.Client.Redis.TestHost;

// One process of a fleet sharing TE's limits (coordination tests, multi-process benchmark): connects to the sandbox with
// a Redis, file or in-memory token store, says "ready",
// waits for "go" on standard input (so that every process starts at once), runs its calls and prints one JSON line.
var arguments = HostArguments.Parse(args);
var limit = arguments.Int("limit", 1000);
var options = new TotalExpertClientOptions
{
    BaseUrl = new Uri(arguments["base"]),
    ClientId = arguments["client"],
    ClientSecret = arguments["secret"],
    Scopes = ["leadInteraction"],
    RateLimit = new RateLimitHandlerOptions
    {
        RequestsPerWindow = limit,
        Window = TimeSpan.FromMilliseconds(arguments.Int("window-ms", 60_000)),
        SafetyMargin = TimeSpan.FromMilliseconds(arguments.Int("margin-ms", 1000)),
    },
};

var warnings = new WarningCounter();
using var loggers = LoggerFactory.Create(b => b.AddProvider(warnings));
RedisCoordination? redis = arguments.Optional("redis") is { } connectionString
    ? RedisCoordination.Connect(new RedisCoordinationOptions { ConnectionString = connectionString, KeyPrefix = arguments.Optional("prefix") })
    : null;
// Redis, a token directory, or (neither given) this process's memory and limiter alone.
ITokenStore store = (ITokenStore?)redis?.TokenStore ?? (arguments.Optional("files") is { } directory ? new FileTokenStore(directory) : new InMemoryTokenStore());
using var connection = new TotalExpertConnection(options, store, loggerFactory: loggers, rateLimiters: redis?.CreateRateLimiters(loggers) ?? new TeRateLimiterRegistry());
var admin = connection.CreateAdminClient();

Console.WriteLine("ready");
Console.In.ReadLine();

var calls = arguments.Int("calls", 16);
var concurrency = arguments.Int("concurrency", calls);
var first = arguments.Int("start", 0);
var owner = arguments.Int("owner", 0);
var ok = 0;
var errors = new List<string>();
var next = -1;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
{
    int n;
    while ((n = Interlocked.Increment(ref next)) < calls)
    {
        try
        {
            if (arguments["mode"] == "create")
            {
                await admin.Contacts.CreateContactAsync(new NewContact
                {
                    Source = "TeGen fleet",
                    FirstName = $"Fleet{first + n}",
                    LastName = "Test",
                    Email = $"fleet{first + n}@example.com",
                    Owner = new OwnerRef { Id = owner },
                });
            }
            else
            {
                await admin.Contacts.ListContactsAsync(1, 1, null, null);
            }

            Interlocked.Increment(ref ok);
        }
        catch (Exception e)
        {
            lock (errors)
            {
                errors.Add($"{e.GetType().Name}: {e.Message}");
            }
        }
    }
}));

Console.WriteLine(JsonSerializer.Serialize(new HostResult(ok, errors, warnings.Count, clock.Elapsed.TotalSeconds)));
redis?.Dispose();
