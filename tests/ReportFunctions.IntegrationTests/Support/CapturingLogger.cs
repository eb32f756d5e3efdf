using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ReportFunctions.IntegrationTests.Support;

/// <summary>One captured log entry: its category, level, event, message and structured fields.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Fields);

/// <summary>A logger provider that enables every level and keeps what it is given.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public ILogger<T> CreateLogger<T>() => new Logger<T>(new Factory(this));

    public void Dispose() { }

    private sealed class Factory(CapturingLoggerProvider provider) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider p) { }
        public ILogger CreateLogger(string categoryName) => provider.CreateLogger(categoryName);
        public void Dispose() { }
    }

    private sealed class Logger(string category, CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> kvs
                ? kvs.ToDictionary(kv => kv.Key, kv => kv.Value)
                : new Dictionary<string, object?>();
            provider.Entries.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), fields));
        }
    }
}
