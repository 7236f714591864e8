using Microsoft.Extensions.Logging;

namespace NewsBrief.Bot.Composition;

/// <summary>
/// Wraps the host's <see cref="ILoggerFactory"/> so that every logger, of every provider (console, journal, a
/// test's capture), writes through <see cref="LogRedactor"/>: the message, each string argument and the exception.
/// </summary>
public sealed class RedactingLoggerFactory(ILoggerFactory inner, LogRedactor redactor) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redactor);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner, LogRedactor redactor) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel)) return;
            var message = formatter(state, null);
            var redacted = redactor.Redact(message);
            var error = exception is null ? null : RedactedException.From(exception, redactor);
            if (redacted == message && ReferenceEquals(error, exception) && state is not IReadOnlyList<KeyValuePair<string, object?>>)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }
            var values = state is IReadOnlyList<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value is string or Uri ? redactor.Redact(p.Value.ToString()) : p.Value)).ToList()
                : [];
            inner.Log(logLevel, eventId, new RedactedState(redacted, values), error, static (s, _) => s.Message);
        }
    }

    /// <summary>The redacted message and arguments, still structured for the json formatter.</summary>
    private sealed class RedactedState(string message, List<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;
        public KeyValuePair<string, object?> this[int index] => values[index];
        public int Count => values.Count;
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => Message;
    }

    /// <summary>An exception whose message and stack text carry no secret; the original when it carried none.</summary>
    private sealed class RedactedException : Exception
    {
        private readonly string _text;

        private RedactedException(string message, string text) : base(message) => _text = text;

        public static Exception From(Exception exception, LogRedactor redactor)
        {
            var text = exception.ToString();
            var redacted = redactor.Redact(text);
            return redacted == text ? exception : new RedactedException(redactor.Redact(exception.Message), redacted);
        }

        public override string ToString() => _text;
    }
}
