using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Core.Telemetry;
using NewsBrief.Scrapers.Dedup;
using NewsBrief.Scrapers.Extraction;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Scrapers.HtmlSources;
using NewsBrief.Scrapers.Parsing;

namespace NewsBrief.Scrapers.Refresh;

/// <summary>
/// The refresh orchestrator: for each source, fetch (conditional GET), parse, map, fetch the pages of
/// new articles for their full text, store, assign the new articles to stories, and record the source's
/// state. The only scraper stage that touches storage. One failing source never stops the others.
/// </summary>
public sealed class RefreshPipeline(
    HttpFetcher fetcher, ArticleStore articles, SourceStateStore states, FetchOptions options, TimeProvider time, Random? random = null,
    StoryAssigner? stories = null)
{
    private readonly Random _random = random ?? Random.Shared;
    private readonly SourceClaimStore _claims = new(articles.Database);
    private readonly StoryAssigner _stories = stories ?? new StoryAssigner(new StoryStore(articles.Database), new StoryClusterer { Threshold = StoryAssigner.DefaultThreshold }, time);

    /// <summary>Where each poll is counted (outcome, duration, articles stored); none when null.</summary>
    public NewsBriefMetrics? Metrics { get; init; }

    /// <summary>
    /// Indexing that follows the store of new articles (event extraction): given the articles just inserted, after
    /// story assignment. It must isolate its own failures; the articles are stored whatever it does.
    /// </summary>
    public Action<IReadOnlyList<Article>>? AfterInsert { get; init; }

    /// <summary>Gets each failed poll once, with its reason, inside a scope naming the source.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>Assign new articles to stories (default). Off only to measure what assignment costs (poll benchmark).</summary>
    public bool AssignStories { get; init; } = true;

    /// <summary>
    /// How long a due source claimed by this poll is hidden from other workers sharing the store; it must outlast
    /// one source's poll (feed plus page fetches). A worker that dies holding claims leaves those sources due again after it.
    /// Default: <see cref="DefaultClaimLease"/> (55 s with the default timeouts and no page fetches, 2 min 35 s with them).
    /// </summary>
    public TimeSpan ClaimLease
    {
        get => _claimLease ?? DefaultClaimLease(options, MaxPagesPerPoll);
        init => _claimLease = value;
    }

    private TimeSpan? _claimLease;

    /// <summary>Twice what one source's poll may take (the feed, then its pages four at a time), plus 15 s.</summary>
    public static TimeSpan DefaultClaimLease(FetchOptions options, int maxPagesPerPoll)
    {
        var pages = options.FetchArticlePages ? options.PageTimeout * Math.Ceiling(maxPagesPerPoll / 4.0) : TimeSpan.Zero;
        return 2 * (options.Timeout + pages) + TimeSpan.FromSeconds(15);
    }

    /// <summary>Sources polled at once.</summary>
    public int MaxConcurrentSources { get; init; } = 8;

    /// <summary>Article pages fetched per source and poll, at most (the rest keep the feed's text).</summary>
    public int MaxPagesPerPoll { get; init; } = 20;

    /// <summary>
    /// Time one source's document may take to parse (measured on the pipeline's clock); past it the source
    /// fails as unparseable with that reason, and the other sources of the poll are unaffected.
    /// </summary>
    public TimeSpan ParseTimeBudget { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Polls the given sources (only those due when <paramref name="dueOnly"/>); one report per source.</summary>
    public async Task<IReadOnlyList<PollReport>> PollAsync(IReadOnlyList<Source> sources, bool dueOnly, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var all = states.GetAll();
        var due = sources.Where(s => !dueOnly || !all.TryGetValue(s.Id, out var st) || st.NextPoll is null || st.NextPoll <= now).ToList();
        using var gate = new SemaphoreSlim(MaxConcurrentSources);
        var tasks = due.Select(async source =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                // Several workers may share the store: a due source is polled by the one that claims it.
                var at = time.GetUtcNow();
                if (dueOnly && !_claims.TryClaim(source.Id, at, at + ClaimLease)) return null;
                return await PollSourceAsync(source, cancellationToken);
            }
            finally { gate.Release(); }
        });
        return (await Task.WhenAll(tasks)).OfType<PollReport>().ToList();
    }

    public async Task<PollReport> PollSourceAsync(Source source, CancellationToken cancellationToken)
    {
        using var scope = Logger.BeginScope("SourceId:{SourceId}", source.Id);
        var clock = Stopwatch.StartNew();
        var previous = states.Get(source.Id) ?? new SourceState { SourceId = source.Id };
        PollReport report;
        try
        {
            report = await PollOnceAsync(source, previous, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // Isolation: whatever a source does wrong is recorded on that source only.
            report = Failure(source, previous, "failed", $"unexpected error: {e.GetType().Name}: {e.Message}", null);
        }
        Metrics?.RecordPoll(source.Id, report.Outcome, clock.Elapsed, report.Inserted);
        if (report.Failed) Logger.LogWarning("source {SourceId} failed: {Outcome}: {Error}", source.Id, report.Outcome, report.Error);
        return report with { Elapsed = clock.Elapsed };
    }

    private async Task<PollReport> PollOnceAsync(Source source, SourceState previous, CancellationToken ct)
    {
        var result = await fetcher.FetchAsync(new FetchRequest(source.Url, previous.ETag, previous.LastModified), ct);
        var now = time.GetUtcNow();
        if (result.Status == FetchStatus.NotModified)
            return Success(source, previous, result, now, null, "not-modified", 0, new UpsertOutcome([], [], 0), 0);
        if (!result.IsOk)
            return Failure(source, previous, result.Outcome, result.Message, result.RetryAfter);

        ParsedFeed feed;
        try
        {
            var baseUri = result.FinalUrl ?? source.Url;
            feed = source.Kind == SourceKind.Html
                ? HtmlListParser.Parse(result.Body ?? "", baseUri, source.Selectors!)
                : FeedParser.Parse(result.Body ?? "", baseUri, new ParseBudget(ParseTimeBudget, time));
        }
        catch (FeedParseException e)
        {
            return Failure(source, previous, "unparseable", e.Message, null);
        }

        var mapped = feed.Items.Select(i => ArticleMapper.Map(i, source, now)).OfType<Article>()
            .DistinctBy(a => a.CanonicalUrl).ToList();
        var (withPages, pages) = await AddPageTextAsync(mapped, ct);
        var outcome = articles.Upsert(withPages);
        if (outcome.Inserted.Count > 0)
        {
            if (AssignStories) _stories.Assign(outcome.Inserted);
            AfterInsert?.Invoke(outcome.Inserted);
        }
        return Success(source, previous, result, now, feed.Ttl, "ok", feed.Items.Count, outcome, pages);
    }

    private async Task<(List<Article> Articles, int PagesFetched)> AddPageTextAsync(List<Article> mapped, CancellationToken ct)
    {
        if (!options.FetchArticlePages) return (mapped, 0);
        var wanted = mapped.Where(a => a.Text is null && a.Url.StartsWith("http", StringComparison.Ordinal)
                                       && !articles.Exists(a.CanonicalUrl, a.SourceId, a.Guid))
            .Take(MaxPagesPerPoll).Select(a => a.CanonicalUrl).ToHashSet();
        if (wanted.Count == 0) return (mapped, 0);
        using var gate = new SemaphoreSlim(4);
        var fetched = 0;
        var results = await Task.WhenAll(mapped.Select(async a =>
        {
            if (!wanted.Contains(a.CanonicalUrl)) return a;
            await gate.WaitAsync(ct);
            try
            {
                var page = await fetcher.FetchAsync(new FetchRequest(new Uri(a.Url)) { Timeout = options.PageTimeout }, ct);
                if (!page.IsOk || string.IsNullOrEmpty(page.Body)) return a;
                Interlocked.Increment(ref fetched);
                return WithPage(a, ArticleExtractor.Extract(page.Body, page.FinalUrl ?? new Uri(a.Url)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return a; // a page that cannot be read leaves the feed's own text in place
            }
            finally
            {
                gate.Release();
            }
        }));
        return (results.ToList(), fetched);
    }

    private static Article WithPage(Article article, ExtractedArticle page) =>
        page.Text.Length > (article.Description?.Length ?? 0) + 100
            ? article with
            {
                Text = page.Text,
                Author = article.Author ?? page.Byline,
                Language = page.Language,
                Published = article.Published ?? page.Published,
            }
            : article;

    private PollReport Success(Source source, SourceState previous, FetchResult result, DateTimeOffset now, TimeSpan? ttl,
        string outcome, int items, UpsertOutcome stored, int pages)
    {
        var floor = Max(result.MaxAge, ttl);
        var next = PollSchedule.AfterSuccess(now, source.PollInterval, floor, _random.NextDouble());
        states.Save(previous with
        {
            ETag = result.ETag ?? previous.ETag,
            LastModified = result.LastModified ?? previous.LastModified,
            LastPolled = now,
            LastSuccess = now,
            NextPoll = next,
            ConsecutiveFailures = 0,
            LastError = null,
            LastOutcome = outcome,
        });
        return new PollReport
        {
            SourceId = source.Id, SourceName = source.Name, Outcome = outcome, Items = items,
            Inserted = stored.Inserted.Count, Updated = stored.Updated.Count, PagesFetched = pages, NextPoll = next,
        };
    }

    private PollReport Failure(Source source, SourceState previous, string outcome, string error, TimeSpan? retryAfter)
    {
        var now = time.GetUtcNow();
        var failures = previous.ConsecutiveFailures + 1;
        var next = PollSchedule.AfterFailure(now, source.PollInterval, failures, retryAfter, _random.NextDouble());
        states.Save(previous with
        {
            LastPolled = now,
            NextPoll = next,
            ConsecutiveFailures = failures,
            LastError = error,
            LastOutcome = outcome,
        });
        return new PollReport { SourceId = source.Id, SourceName = source.Name, Outcome = outcome, Error = error, NextPoll = next };
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
