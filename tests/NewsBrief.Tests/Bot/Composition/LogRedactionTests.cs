using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Configuration;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Composition;

/// <summary>Secrets never reach a log line whole: every logger of the host writes through the redactor.</summary>
public sealed class LogRedactionTests : IAsyncLifetime
{
    private const string ApiKey = "sk-live-0123456789abcdef";
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AFailingFetch_WhoseUrlCarriesAConfiguredKey_IsLoggedWithTheKeyRedacted()
    {
        _server.MapStatus("/broken.xml", 500, "internal error");
        var url = new Uri(_server.Url("/broken.xml") + "?api_key=" + ApiKey);
        var config = new TestConfigFolder(_dir.File("config")).WriteSettings().WriteTopics().WriteSources(("broken", url));

        var result = await CliRun.ProcessAsync(new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Debug", ["NewsBrief__Summariser__ApiKey"] = ApiKey,
        }, "poll", "--config", config.Path, "--data", _dir.File("data"));

        Assert.Contains("broken.xml?api_key=[redacted]", result.Error);
        Assert.DoesNotContain(ApiKey, result.Error);
        Assert.DoesNotContain(ApiKey, result.Out);
    }

    [Fact]
    public void EveryLogger_RedactsMessagesArgumentsAndExceptions_ForProvidersAddedLater()
    {
        var config = new TestConfigFolder(_dir.File("config2")).WriteSettings($$"""{ "Smtp": { "Host": "mail.example.org", "From": "a@example.org", "User": "me", "Password": "hunter2-smtp-password" } }""")
            .WriteTopics().WriteSources();
        var builder = NewsBriefHost.CreateBuilder(AppConfiguration.Load(config.Path, _dir.File("data2")), TimeProvider.System, new ConsoleOutput(TextWriter.Null, false));
        var capture = new CapturingProvider();
        builder.Logging.AddProvider(capture);
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILogger<LogRedactionTests>>();

        logger.LogError(new InvalidOperationException("login with hunter2-smtp-password refused"), "delivery to {Url} failed", "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXX");
        logger.LogWarning("smtp password is {Password}", "hunter2-smtp-password");

        var text = string.Join("\n", capture.Lines);
        Assert.DoesNotContain("hunter2-smtp-password", text);
        Assert.DoesNotContain("XXXXXXXXXXXX", text);
        Assert.Contains("hooks.slack.com/services/[redacted]", text);
        Assert.Contains("smtp password is [redacted]", text);
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        public List<string> Lines { get; } = [];
        public ILogger CreateLogger(string categoryName) => new Capture(this);
        public void Dispose() { }

        private sealed class Capture(CapturingProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lock (owner.Lines) owner.Lines.Add($"{formatter(state, exception)} | {values} | {exception}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
