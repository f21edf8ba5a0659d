namespace TeGen.Client.Redis;

/// <summary>
/// How the processes of an egress share TE's limits and the token cache on Redis (configuration section
/// <c>TotalExpert:Coordination</c>).
/// </summary>
public sealed class RedisCoordinationOptions
{
    /// <summary>
    /// The StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=…,ssl=true</c>; not needed
    /// when the application registers its own <c>IConnectionMultiplexer</c>. Never logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Put before every key TeGen writes (its keys start <c>tegen:</c>), to separate applications or environments sharing one
    /// Redis. Every process of an egress must use the same prefix. Default none.
    /// </summary>
    public string? KeyPrefix { get; set; }

    /// <summary>
    /// The largest fraction of an egress's request limit one process uses on its own while Redis is unreachable. Default
    /// 0.25: with nothing shared, each process can only assume the others do the same, so a quarter keeps up to four
    /// processes within TE's limit with no configuration; a process that saw more processes on the egress uses
    /// 1 ÷ their number instead. Set it to 1 ÷ your fleet's size when that is larger than four.
    /// </summary>
    public double FallbackShare { get; set; } = 0.25;

    /// <summary>
    /// How often a process that fell back tries Redis again. Default 1 second: until every process is back on the
    /// shared log, the permits the late ones take alone are not counted by the others, and a second is within the
    /// limiter's safety margin (1 s per minute).
    /// </summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the lock around a credential's token request lasts unless its holder renews it (every third of it, while
    /// it lives): a holder that crashed blocks the others at most this long. Default 15 seconds.
    /// </summary>
    public TimeSpan LockLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long one Redis operation may take before it counts as a failure (and the limiter falls back) when TeGen opens the
    /// connection from <see cref="ConnectionString"/>. Default 1 second.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether cached tokens are encrypted with ASP.NET Core data protection when the application registers an
    /// <c>IDataProtectionProvider</c> (its keys must be shared by every process). Default <c>true</c>. Without a provider
    /// tokens are stored as they are: Redis then holds bearer tokens, so restrict who can read it (ACL, TLS).
    /// </summary>
    public bool ProtectTokens { get; set; } = true;

    /// <summary>Checks the settings; the message names the one at fault.</summary>
    /// <exception cref="InvalidOperationException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!(FallbackShare > 0 && FallbackShare <= 1))
        {
            throw new InvalidOperationException($"TotalExpert:Coordination:FallbackShare must be more than 0 and at most 1 (got {FallbackShare}).");
        }

        Positive("ProbeInterval", ProbeInterval);
        Positive("LockLease", LockLease);
        Positive("OperationTimeout", OperationTimeout);
    }

    private static void Positive(string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException($"TotalExpert:Coordination:{name} must be more than 0 and at most an hour (got {value}).");
        }
    }
}
