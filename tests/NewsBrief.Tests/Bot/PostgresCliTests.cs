using Npgsql;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot;

/// <summary>
/// The real CLI (child processes) on <c>Storage:Provider=postgres</c>: poll a local feed server and brief it; and
/// <c>store copy</c> of a SQLite store filled by the CLI into an empty PostgreSQL database, counts verified, a
/// second copy into the now non-empty database refused.
/// </summary>
public sealed class PostgresCliTests : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();

    private string Config => Path.Combine(_dir.Path, "config");
    private string Data => Path.Combine(_dir.Path, "data");

    public PostgresCliTests()
    {
        var now = DateTimeOffset.UtcNow;
        var rss = new RssBuilder()
            .Item("Montana bans TikTok on state devices", _server.Url("/a/1").ToString(), "Montana's governor signed a law banning TikTok on all state-owned phones, citing security concerns about the app's Chinese owner.", now.AddMinutes(-50))
            .Item("TikTok sues Montana over the ban", _server.Url("/a/2").ToString(), "TikTok filed a lawsuit against Montana's TikTok ban, arguing the law violates the First Amendment rights of the app's users.", now.AddMinutes(-40))
            .Item("Foreign ministers meet at the summit in Geneva", _server.Url("/a/3").ToString(), "The foreign ministers of twelve countries met at a summit in Geneva to discuss grain exports and shipping routes.", now.AddMinutes(-30))
            .Item("Central bank holds rates steady", _server.Url("/a/4").ToString(), "The central bank kept its main interest rate unchanged on Tuesday, saying inflation was easing but remained above target.", now.AddMinutes(-20));
        var feed = rss.Build("Local news");
        _server.Map("/feed.xml", ctx => LocalHttpServer.WriteAsync(ctx, 200, feed, "application/rss+xml; charset=utf-8"));
        new TestConfigFolder(Config).WriteSettings().WriteTopics().WriteSources(("local", _server.Url("/feed.xml")));
    }

    private static Dictionary<string, string> OnPostgres(string connectionString) => new()
    {
        ["NewsBrief__Storage__Provider"] = "postgres",
        ["NewsBrief__Storage__ConnectionString"] = connectionString,
    };

    [PostgresFact]
    public async Task PollAndBrief_OnPostgres_StoreAndBriefTheFeed()
    {
        using var pg = TestPostgres.CreateDatabase();
        var env = OnPostgres(pg.ConnectionString);

        var poll = await CliRun.ProcessAsync(env, "poll", "--config", Config, "--data", Data);
        var brief = await CliRun.ProcessAsync(env, "brief", "--no-poll", "--config", Config, "--data", Data);

        Assert.True(poll.ExitCode == 0, poll.Error + poll.Out);
        Assert.True(brief.ExitCode == 0, brief.Error + brief.Out);
        Assert.Contains("TikTok", brief.Out);
        Assert.Contains("summit", brief.Out, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(Data, NewsBriefDatabase.FileName)), "the postgres run must not create a SQLite file");
        Assert.Equal(4L, Scalar(pg.ConnectionString, "SELECT COUNT(*) FROM articles"));
        Assert.Equal(1L, Scalar(pg.ConnectionString, "SELECT COUNT(*) FROM briefs"));
        Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(pg.ConnectionString).Password!, poll.Out + poll.Error + brief.Out + brief.Error);
    }

    [PostgresFact]
    public async Task StoreCopy_IntoAnEmptyDatabase_CopiesEveryTableAndVerifiesTheCounts_ThenRefusesANonEmptyOne()
    {
        Assert.Equal(0, (await CliRun.InProcessAsync("poll", "--config", Config, "--data", Data)).ExitCode);
        Assert.Equal(0, (await CliRun.InProcessAsync("subscribe", "tiktok", "--config", Config, "--data", Data)).ExitCode);
        Assert.Equal(0, (await CliRun.InProcessAsync("schedule", "set", "console", "0 8 * * *", "--config", Config, "--data", Data)).ExitCode);
        Assert.Equal(0, (await CliRun.InProcessAsync("brief", "--no-poll", "--config", Config, "--data", Data)).ExitCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var pg = TestPostgres.CreateDatabase();

        var copy = await CliRun.ProcessAsync(null, "store", "copy", "--data", Data, "--to-connection-string", pg.ConnectionString);
        var again = await CliRun.ProcessAsync(null, "store", "copy", "--data", Data, "--to-connection-string", pg.ConnectionString);

        Assert.True(copy.ExitCode == 0, copy.Error + copy.Out);
        foreach (var table in new[] { "articles", "stories", "story_topics", "briefs", "brief_articles", "subscriptions", "schedules", "source_state" })
            Assert.Matches($@"(?m)^{table}\s+([\d,]+)\s+\1\s+ok$", copy.Out);
        Assert.Contains("every count matches", copy.Out);
        Assert.Equal(4L, Scalar(pg.ConnectionString, "SELECT COUNT(*) FROM articles"));
        Assert.Equal(1L, Scalar(pg.ConnectionString, "SELECT COUNT(*) FROM subscriptions"));
        Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(pg.ConnectionString).Password!, copy.Out + copy.Error);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("the target is not empty", again.Error);

        // The copy is a working store: search finds the copied text, and a new article gets an id after the copied ones.
        using var db = NewsBriefDatabase.OpenPostgres(pg.ConnectionString);
        Assert.Equal(2, new ArticleSearch(db).Newest("\"tiktok\"", DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddDays(1), 10).Count);
        var added = new ArticleStore(db).Upsert([new NewsBrief.Core.Domain.Article
        {
            SourceId = "local", Url = "https://n.example/5", CanonicalUrl = "https://n.example/5", Title = "New", Fetched = DateTimeOffset.UtcNow, ContentHash = "n5",
        }]);
        Assert.Equal(5, Assert.Single(added.Inserted).Id);
    }

    private static long Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
