using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NewsBrief.Tests.Bot.Discord.Fake;

/// <summary>A logger factory that keeps every formatted log line, so tests can check what would be logged.</summary>
public sealed class ListLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, Lines);
    public void AddProvider(ILoggerProvider provider) { }
    public void Dispose() { }

    private sealed class ListLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}
