using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TeGen.Client.Http;

namespace TeGen.Client.Redis;

/// <summary>
/// Everything the processes of an egress share on one Redis: the token store (tokens, budgets, the token-request lock)
/// and the request log behind the egress limiters. Give <see cref="TokenStore"/> and <see cref="CreateRateLimiters"/>'s
/// registry to every <see cref="TotalExpertConnection"/> or <see cref="TotalExpertPartner"/> of the process; with
/// dependency injection, <c>services.AddTotalExpert(...).UseRedis(...)</c> does it.
/// </summary>
public sealed class RedisCoordination : IDisposable
{
    /// <summary>The purpose string of the data protector that encrypts cached tokens.</summary>
    public const string ProtectorPurpose = "TeGen.Client.Redis.Tokens";

    private readonly IConnectionMultiplexer _redis;
    private readonly bool _ownsConnection;

    /// <summary>Uses a connection the application already has (and keeps owning).</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="options">Key prefix, fallback share, leases; default the defaults.</param>
    /// <param name="dataProtection">Encrypts cached tokens when given and <see cref="RedisCoordinationOptions.ProtectTokens"/> is set.</param>
    /// <param name="timeProvider">The clock of lock polling and lease renewal; default the system's.</param>
    public RedisCoordination(IConnectionMultiplexer redis, RedisCoordinationOptions? options = null, IDataProtectionProvider? dataProtection = null, TimeProvider? timeProvider = null)
        : this(redis, ownsConnection: false, options ?? new RedisCoordinationOptions(), dataProtection, timeProvider)
    {
    }

    private RedisCoordination(IConnectionMultiplexer redis, bool ownsConnection, RedisCoordinationOptions options, IDataProtectionProvider? dataProtection, TimeProvider? timeProvider)
    {
        options.Validate();
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _ownsConnection = ownsConnection;
        Options = options;
        var protector = options.ProtectTokens ? dataProtection?.CreateProtector(ProtectorPurpose) : null;
        TokenStore = new RedisTokenStore(redis, options, protector, timeProvider);
        RequestLog = new RedisRequestLog(redis, options);
    }

    /// <summary>The settings.</summary>
    public RedisCoordinationOptions Options { get; }

    /// <summary>Tokens, token-request budgets and the token-request lock, shared by every process.</summary>
    public RedisTokenStore TokenStore { get; }

    /// <summary>The egress permits shared by every process.</summary>
    public RedisRequestLog RequestLog { get; }

    /// <summary>
    /// Opens a connection from <see cref="RedisCoordinationOptions.ConnectionString"/>, owned by the result. It does not
    /// fail when Redis is down (the limiter falls back and reconnects), and operations fail fast rather than queue while
    /// disconnected, within <see cref="RedisCoordinationOptions.OperationTimeout"/>.
    /// </summary>
    /// <param name="options">The settings, with a connection string.</param>
    /// <param name="dataProtection">Encrypts cached tokens; see the constructor.</param>
    /// <param name="timeProvider">The clock; default the system's.</param>
    /// <exception cref="InvalidOperationException">No connection string, or a setting out of range.</exception>
    public static RedisCoordination Connect(RedisCoordinationOptions options, IDataProtectionProvider? dataProtection = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("TotalExpert:Coordination:ConnectionString is required to connect to Redis (or give an IConnectionMultiplexer).");
        }

        var configuration = ConfigurationOptions.Parse(options.ConnectionString);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        var timeout = (int)options.OperationTimeout.TotalMilliseconds;
        configuration.AsyncTimeout = timeout;
        configuration.SyncTimeout = timeout;
        configuration.ConnectTimeout = Math.Max(timeout, 1000);
        // Back on Redis as soon as it is: the limiter probes every ProbeInterval, the connection must be there by then.
        configuration.ReconnectRetryPolicy = new LinearRetry((int)options.ProbeInterval.TotalMilliseconds);
        return new RedisCoordination(ConnectionMultiplexer.Connect(configuration), ownsConnection: true, options, dataProtection, timeProvider);
    }

    /// <summary>A limiter registry whose egress limiters share their permits through <see cref="RequestLog"/>.</summary>
    /// <param name="loggerFactory">Logging (the warning when Redis is unreachable); default none.</param>
    public TeRateLimiterRegistry CreateRateLimiters(ILoggerFactory? loggerFactory = null) => new(RequestLog, loggerFactory);

    /// <summary>Closes the connection if this instance opened it.</summary>
    public void Dispose()
    {
        if (_ownsConnection)
        {
            _redis.Dispose();
        }
    }
}
