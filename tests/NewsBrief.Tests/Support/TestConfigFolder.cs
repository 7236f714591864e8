using System.Text.Json;

namespace NewsBrief.Tests.Support;

/// <summary>Writes a configuration folder (appsettings.json, sources.json, topics.json) for a test run.</summary>
public sealed class TestConfigFolder
{
    public TestConfigFolder(string path) => Path = path;

    public string Path { get; }

    public const string DefaultTopics = """
        { "Topics": [
          { "Name": "TikTok bans", "Query": "tiktok AND (ban OR bans OR banned OR prohibit*)" },
          { "Name": "Diplomatic meetings", "Query": "summit OR diplomat* OR \"foreign minister\"" }
        ] }
        """;

    /// <summary>
    /// Settings that keep a test offline and quick: no article page fetches. The timeouts are generous because a
    /// loaded machine can take seconds to answer a local request; sources meant to time out never answer
    /// (<see cref="LocalHttpServer.MapHang"/>) and use <see cref="SlowSourceSettings"/>. A <c>run</c> serves its reading room on a free port.
    /// </summary>
    public const string QuickSettings = """
        { "Fetch": { "Timeout": "00:00:30", "PageTimeout": "00:00:30", "FetchArticlePages": false },
          "Brief": { "TimeZone": "UTC" }, "Web": { "Urls": "http://127.0.0.1:0" } }
        """;

    /// <summary>Like <see cref="QuickSettings"/> with a shorter timeout, for a run that includes a source that never answers.</summary>
    public const string SlowSourceSettings = """
        { "Fetch": { "Timeout": "00:00:08", "PageTimeout": "00:00:08", "FetchArticlePages": false },
          "Brief": { "TimeZone": "UTC" }, "Web": { "Urls": "http://127.0.0.1:0" } }
        """;

    public TestConfigFolder WriteSettings(string json = QuickSettings) => Write("appsettings.json", json);

    public TestConfigFolder WriteTopics(string json = DefaultTopics) => Write("topics.json", json);

    public TestConfigFolder WriteSources(params (string Id, Uri Url)[] feeds) => Write("sources.json", JsonSerializer.Serialize(new
    {
        Sources = feeds.Select(f => new { f.Id, Name = $"Feed {f.Id}", Kind = "feed", Url = f.Url.ToString(), Topics = new[] { "news" }, PollInterval = "00:15:00" }),
    }));

    public TestConfigFolder Write(string file, string content)
    {
        Directory.CreateDirectory(Path);
        File.WriteAllText(System.IO.Path.Combine(Path, file), content);
        return this;
    }
}
