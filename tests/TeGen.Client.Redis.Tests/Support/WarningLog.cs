using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TeGen.Client.Redis.Tests.Support;

/// <summary>Keeps the warnings logged through it, one process's logging in the tests that play several processes.</summary>
public sealed class WarningLog : ILoggerProvider, ILogger
{
    public ConcurrentQueue<string> Warnings { get; } = new();

    public ILoggerFactory Factory() => LoggerFactory.Create(b => b.AddProvider(this));

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Warnings.Enqueue(formatter(state, exception));
        }
    }

    public void Dispose()
    {
    }
}
