using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TeGen.Client.Redis.Tests.Support;

/// <summary>
/// Keeps what is logged through it from Information up, with the time, for one process of the tests that play several
/// processes: warnings to count, the rest to explain a failure.
/// </summary>
public sealed class WarningLog : ILoggerProvider, ILogger
{
    public ConcurrentQueue<(DateTimeOffset At, LogLevel Level, string Message)> Entries { get; } = new();

    public IEnumerable<string> Warnings => Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message);

    public ILoggerFactory Factory() => LoggerFactory.Create(b => b.AddProvider(this).SetMinimumLevel(LogLevel.Information));

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Entries.Enqueue((DateTimeOffset.UtcNow, logLevel, formatter(state, exception)));
        }
    }

    public void Dispose()
    {
    }
}
