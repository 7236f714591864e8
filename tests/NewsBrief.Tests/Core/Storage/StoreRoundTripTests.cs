using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Core.Storage;

/// <summary>
/// Every store class writes and reads back its tables the same on both providers: stories with merges and
/// topics, events with citations, briefs, schedules and their occurrences, deliveries, alerts, source state
/// and the summary cache.
/// </summary>
public abstract class StoreRoundTripTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TestStore _test;
    private readonly NewsBriefDatabase _db;
    private readonly ArticleStore _articles;

    protected StoreRoundTripTests(StorageProvider provider)
    {
        _test = TestStore.Open(provider);
        _db = _test.Database;
        _articles = new ArticleStore(_db);
    }

    private IReadOnlyList<Article> Store(params string[] urls) => _articles.Upsert([.. urls.Select((u, i) => new Article
    {
        SourceId = "s" + (i % 2), Url = u, CanonicalUrl = u, Guid = "g-" + u, Title = "Title " + u, Description = "About " + u,
        Published = Now.AddMinutes(-10 - i), Fetched = Now, ContentHash = "h-" + u,
    })]).Inserted;

    private static Delivery Delivery(string key, long? subscription = null) => new()
    {
        Destination = "webhook:https://hooks.example/x", Kind = "alert", IdempotencyKey = key, SubscriptionId = subscription,
        Payload = "{}", Text = "text " + key, Created = Now, NextAttempt = Now,
    };

    [StoreFact]
    public void Stories_AssignMergeAndTopics_ReadBackWithTheirArticles()
    {
        var a = Store("https://a.example/1", "https://a.example/2", "https://a.example/3");
        var stories = new StoryStore(_db);
        Assert.Equal(1, stories.NextId());
        stories.Apply(new StoryChanges
        {
            Stories = [new StoryRow(1, "Budget vote", Now.AddHours(-3), Now.AddHours(-2)), new StoryRow(2, "Budget passes", Now.AddHours(-5), Now.AddHours(-1))],
            Assignments = [(a[0].Id, 1), (a[1].Id, 1), (a[2].Id, 2)],
            Topics = [(1, ["politics", "economy"])],
        });
        stories.Apply(new StoryChanges { Stories = [new StoryRow(2, "Budget passes", Now.AddHours(-4), Now)], Merges = [(1, 2)], Topics = [(2, ["economy"])] });

        var merged = stories.Get(1)!;
        Assert.Equal(2, merged.Id);
        Assert.Equal(3, merged.Articles.Count);
        Assert.Equal(Now.AddHours(-5), merged.FirstSeen); // the earlier of the two rows' first_seen
        Assert.Equal(Now, merged.LastUpdated);
        Assert.Equal(["economy"], merged.Topics);
        Assert.Equal(2, stories.Resolve(1));
        Assert.Null(stories.Resolve(99));
        Assert.Equal(3, stories.NextId()); // a merged-away id is never reused
        Assert.Equal("Budget passes", stories.Headlines([1, 2])[2]);
        Assert.Single(stories.InWindow(Now.AddDays(-1), Now));
        Assert.Equal(3, stories.IndexRows(Now.AddDays(-1), 20).Count);
        Assert.Equal(3, _articles.GetMany([a[0].Id, a[1].Id, a[2].Id, 12345]).Count);
    }

    [StoreFact]
    public void Stories_Vectors_ReadBackBitForBitForTheirModelOnly()
    {
        var a = Store("https://v.example/1", "https://v.example/2");
        var stories = new StoryStore(_db);
        var vector = Enumerable.Range(0, 384).Select(i => MathF.Sin(i) / 20f).ToArray();
        vector[7] = float.Epsilon; // a subnormal survives the BLOB as it is
        stories.Apply(new StoryChanges { Vectors = [new ArticleVector(a[0].Id, "model-a", vector)] });
        stories.Apply(new StoryChanges { Vectors = [new ArticleVector(a[1].Id, "model-a", [1f, 2f]), new ArticleVector(a[1].Id, "model-a", [3f, -0.5f])] });

        var rows = stories.IndexRows(Now.AddDays(-1), 20, "model-a").ToDictionary(r => r.ArticleId);
        Assert.Equal(vector, rows[a[0].Id].Vector);
        Assert.Equal(new[] { 3f, -0.5f }, rows[a[1].Id].Vector); // the later write replaces the earlier
        Assert.All(stories.IndexRows(Now.AddDays(-1), 20, "model-b"), r => Assert.Null(r.Vector));
        Assert.All(stories.IndexRows(Now.AddDays(-1), 20), r => Assert.Null(r.Vector));
    }

    [StoreFact]
    public void Events_SameEventTwice_IsOneEventWithBothCitations()
    {
        var a = Store("https://e.example/1", "https://e.example/2");
        var events = new EventStore(_db);
        UpcomingEvent Report(long article, params string[] who) => new()
        {
            Date = new DateOnly(2026, 12, 10), Precision = EventPrecision.Day, Kind = "vote", Title = "Senate vote on the budget",
            Participants = who, Place = "Washington", Citations = [new EventCitation(article, "The Senate votes on 10 December.")],
        };

        var first = events.Record(Report(a[0].Id, "Senate"), Now);
        var second = events.Record(Report(a[1].Id, "Senate", "House"), Now);

        Assert.Equal(first, second);
        var stored = Assert.Single(events.Between(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal(2, stored.Citations.Count);
        Assert.Contains("House", stored.Participants);
        Assert.True(events.HasArticle(a[1].Id));
        Assert.False(events.HasArticle(a[1].Id + 100));
        Assert.Equal("Washington", events.Get(first)!.Place);
    }

    [StoreFact]
    public void Briefs_SaveLatestListAndCiting()
    {
        var a = Store("https://b.example/1");
        var briefs = new BriefStore(_db);
        Brief Make(DateTimeOffset created) => new()
        {
            From = created.AddDays(-1), To = created, Created = created, Engine = new BriefEngine("extractive", null, 0, 0),
            Stories = [new BriefEntry { Story = Story.Of(a[0]) with { Articles = a }, Section = "t", Sentences = [new BriefSentence("s", [a[0].Id])] }],
        };

        var one = briefs.Save(Make(Now.AddHours(-1)), "all", "{\"n\":1}");
        var two = briefs.Save(Make(Now), "politics", "{\"n\":2}");

        Assert.Equal(two, briefs.Latest()!.Id);
        Assert.Equal(one, briefs.Latest("all")!.Id);
        Assert.Null(briefs.Latest("sport"));
        Assert.Equal([two, one], briefs.List(10).Select(b => b.Id));
        Assert.Equal([one], briefs.List(10, beforeId: two).Select(b => b.Id));
        Assert.Equal(2, briefs.Citing([a[0].Id]).Count);
        Assert.Contains(a[0].Id, briefs.ArticlesBriefedBefore("all"));
        Assert.Equal("{\"n\":1}", briefs.Get(one)!.Document);
    }

    [StoreFact]
    public void Schedules_EachOccurrenceQueuesOnce()
    {
        var schedules = new ScheduleStore(_db);
        var deliveries = new DeliveryStore(_db);
        var set = schedules.Set(new BriefSchedule { Destination = "console", Cron = "0 7 * * *", TimeZone = "Europe/London", Topics = ["politics"], Created = Now.AddDays(-1) });
        var configured = schedules.Set(new BriefSchedule { Destination = "console", Cron = "0 9 * * *", TimeZone = "UTC", Origin = "config", Created = Now });

        Assert.Equal("0 7 * * *", configured.Cron); // a configured default never replaces the user's schedule
        Assert.True(schedules.QueueOccurrence(set.Id, Now, Delivery("brief-1")));
        Assert.False(schedules.QueueOccurrence(set.Id, Now, Delivery("brief-1-again")));
        Assert.False(schedules.QueueOccurrence(set.Id, Now.AddDays(-1), null));
        Assert.Equal(Now, Assert.Single(schedules.List()).LastOccurrence);
        Assert.Single(deliveries.List());
        Assert.True(schedules.Remove("console"));
        Assert.Empty(schedules.List());
    }

    [StoreFact]
    public void Deliveries_KeyedOnceClaimedOnceAndTheirStatesRoundTrip()
    {
        var deliveries = new DeliveryStore(_db);
        var id = deliveries.Add(Delivery("k1"))!.Value;

        Assert.Null(deliveries.Add(Delivery("k1"))); // the same idempotency key is one row
        Assert.Equal(1, deliveries.PendingCount());
        Assert.Single(deliveries.Due(Now));
        Assert.True(deliveries.TryClaim(id, Now, Now.AddMinutes(1)));
        Assert.False(deliveries.TryClaim(id, Now, Now.AddMinutes(1)));
        deliveries.MarkRetry(id, Now.AddMinutes(2), "503 from the receiver");
        Assert.Equal((1, "503 from the receiver"), (deliveries.Get(id)!.Attempts, deliveries.Get(id)!.LastError));
        deliveries.MarkFailed(id, "gave up");
        Assert.Equal(DeliveryStatus.Failed, Assert.Single(deliveries.List(DeliveryStatus.Failed)).Status);
        Assert.True(deliveries.Requeue(id, Now));
        deliveries.MarkSent(id, Now, "m-1");
        var sent = deliveries.Get(id)!;
        Assert.Equal((DeliveryStatus.Sent, "m-1", Now), (sent.Status, sent.MessageId, sent.Sent));
        Assert.Equal(0, deliveries.PendingCount());
    }

    [StoreFact]
    public void Alerts_CommitOnceAtTheWatermark_AndNeverTwiceForAnArticle()
    {
        var subscriptions = new SubscriptionStore(_db);
        var alerts = new AlertStore(_db);
        var sub = subscriptions.Add(new Subscription { Owner = "u1", Query = "budget", Destination = "console", Created = Now });
        var a = Store("https://al.example/1", "https://al.example/2");
        var start = alerts.Watermark();

        Assert.True(alerts.Commit(start, a[1].Id, [new PlannedAlert(sub.Id, [a[0]], Delivery("alert-1", sub.Id))], [], Now));
        Assert.False(alerts.Commit(start, a[1].Id, [], [], Now)); // another scan moved the watermark
        Assert.True(alerts.Commit(a[1].Id, a[1].Id, [new PlannedAlert(sub.Id, [a[0]], null), new PlannedAlert(sub.Id, [a[1]], null)], [], Now));

        Assert.Equal(a[1].Id, alerts.Watermark());
        var history = alerts.History(new Dictionary<long, IReadOnlyCollection<string>>
        {
            [sub.Id] = [a[0].CanonicalUrl, a[1].CanonicalUrl, "https://other"],
            [sub.Id + 1000] = [a[0].CanonicalUrl],
        }, Now.AddDays(-1), Now.AddDays(-1));
        var past = Assert.Single(history).Value; // a subscription with no past is absent
        Assert.Equal(new HashSet<string> { a[0].CanonicalUrl, a[1].CanonicalUrl }, past.Alerted);
        Assert.Equal(1, past.AlertsSince);
        Assert.Empty(past.AlertedStories); // these articles belong to no story
        Assert.Equal(a[1].Id, Assert.Single(alerts.WaitingForDigest(sub.Id))); // the first alert's row kept its delivery
        Assert.Equal(Now, alerts.WaitingSince()[sub.Id]);
        Assert.NotNull(alerts.AlertStatus(sub.Id, a[0].CanonicalUrl).Delivery);
        Assert.Equal([sub.Id], alerts.SubscriptionsAlerted([a[0].Id]));
        Assert.Equal(a[0].Id, alerts.ArticleIdByUrl(a[0].CanonicalUrl, a[0].Url));

        var digest = Delivery("digest-1", sub.Id) with { Kind = "digest" };
        Assert.True(alerts.Commit(a[1].Id, a[1].Id, [], [new PlannedDigest(sub.Id, [a[1].Id], digest, Now)], Now));
        Assert.Empty(alerts.WaitingForDigest(sub.Id));
        Assert.Equal(Now, subscriptions.Get(sub.Id)!.LastDigest);
    }

    [StoreFact]
    public void SourceState_SavesAndCountsArticles()
    {
        Store("https://ss.example/1", "https://ss.example/2", "https://ss.example/3");
        var states = new SourceStateStore(_db);
        states.Save(new SourceState { SourceId = "s0", ETag = "\"e1\"", LastPolled = Now, NextPoll = Now.AddMinutes(15), ConsecutiveFailures = 2, LastError = "timeout" });
        states.Save(new SourceState { SourceId = "s0", ETag = "\"e2\"", LastPolled = Now, LastSuccess = Now, NextPoll = Now.AddMinutes(30), LastOutcome = "ok" });

        var s0 = states.Get("s0")!;
        Assert.Equal(("\"e2\"", 0, null, 2, Now.AddMinutes(30)), (s0.ETag, s0.ConsecutiveFailures, s0.LastError, s0.ArticleCount, s0.NextPoll!.Value));
        Assert.Single(states.GetAll());
        Assert.Null(states.Get("nope"));
        Assert.Equal(2, _articles.CountBySource(Now.AddDays(-1), Now)["s0"]);
    }

    [StoreFact]
    public async Task SummaryCache_SetReplaceAndGet()
    {
        var cache = new SummaryCacheStore(_db);
        await cache.SetAsync("k", "{\"a\":1}", Now, CancellationToken.None);
        await cache.SetAsync("k", "{\"a\":2}", Now, CancellationToken.None);

        Assert.Equal("{\"a\":2}", await cache.GetAsync("k", CancellationToken.None));
        Assert.Null(await cache.GetAsync("missing", CancellationToken.None));
    }

    public void Dispose() => _test.Dispose();
}

public sealed class StoreRoundTripSqliteTests() : StoreRoundTripTests(StorageProvider.Sqlite);

[PostgresStore]
public sealed class StoreRoundTripPostgresTests() : StoreRoundTripTests(StorageProvider.Postgres);
