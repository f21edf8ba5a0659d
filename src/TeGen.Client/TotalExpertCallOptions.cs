using TeGen.Client.Http;

namespace TeGen.Client;

/// <summary>
/// Settings for the TeGen calls made inside a scope (<see cref="Use"/>), overriding the connection's for those calls
/// only — the way a bulk job marks its calls low priority, or a health probe gives up sooner. Scopes flow with the
/// asynchronous call context (like <see cref="System.Diagnostics.Activity"/>) and nest: an inner scope's settings win,
/// the ones it leaves unset are the outer scope's.
/// </summary>
/// <example>
/// <code>
/// using (TotalExpertCallOptions.Use(new() { Priority = TeRequestPriority.Bulk }))
/// {
///     foreach (var contact in backlog)
///         await admin.Contacts.CreateContactAsync(contact, cancellationToken);   // yields to interactive calls
/// }
/// </code>
/// </example>
public sealed class TotalExpertCallOptions
{
    private static readonly AsyncLocal<TotalExpertCallOptions?> Scope = new();

    /// <summary>
    /// The calls' priority for the egress's rate-limit permits; default the connection's
    /// (<see cref="RateLimitHandlerOptions.Priority"/>).
    /// </summary>
    public TeRequestPriority? Priority { get; init; }

    /// <summary>The calls' retry behaviour instead of the connection's (<see cref="TotalExpertClientOptions.Retry"/>).</summary>
    public RetryHandlerOptions? Retry { get; init; }

    /// <summary>Time allowed for each attempt instead of the connection's (<see cref="TransportOptions.AttemptTimeout"/>).</summary>
    public TimeSpan? AttemptTimeout { get; init; }

    /// <summary>The settings in force here: the innermost scope's, merged with the scopes around it; <c>null</c> outside any.</summary>
    public static TotalExpertCallOptions? Current => Scope.Value;

    /// <summary>Applies <paramref name="options"/> to the calls made until the returned scope is disposed.</summary>
    /// <param name="options">The settings; the ones left unset keep the surrounding scope's (or the connection's).</param>
    /// <returns>The scope; dispose it to restore the settings around it.</returns>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public static IDisposable Use(TotalExpertCallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        var outer = Scope.Value;
        Scope.Value = outer is null ? options : new TotalExpertCallOptions
        {
            Priority = options.Priority ?? outer.Priority,
            Retry = options.Retry ?? outer.Retry,
            AttemptTimeout = options.AttemptTimeout ?? outer.AttemptTimeout,
        };
        return new Restore(outer);
    }

    private void Check()
    {
        var check = new OptionChecks();
        if (Priority is { } priority)
        {
            check.Defined(nameof(Priority), priority);
        }

        Retry?.Check(check);
        if (AttemptTimeout is { } timeout)
        {
            TransportOptions.CheckTimeout(check, nameof(AttemptTimeout), timeout);
        }

        if (check.First is { } problem)
        {
            throw new ArgumentException($"TotalExpertCallOptions {problem.Setting} {problem.Message}.", nameof(Use));
        }
    }

    private sealed class Restore(TotalExpertCallOptions? outer) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Scope.Value = outer;
            }
        }
    }
}
