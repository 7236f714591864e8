using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Scrapers.Dedup;
using NewsBrief.Scrapers.Refresh;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Refresh;

/// <summary>Story assignment with <c>Stories:Embeddings</c>: the real MiniLM model over a real SQLite store.</summary>
public sealed class StoryEmbeddingsAtIngestTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private readonly PipelineFixture _fx = new();
    private readonly SentenceEmbedder _embedder = new();

    private IReadOnlyList<Article> Store(params (string Source, string Title, string Lead, int HoursAgo)[] articles) =>
        _fx.Articles.Upsert([.. articles.Select(a => new Article
        {
            SourceId = a.Source, Url = $"https://{a.Source}.example/{a.Title.GetHashCode():x}", CanonicalUrl = $"https://{a.Source}.example/{a.Title.GetHashCode():x}",
            ContentHash = "h" + a.Title.GetHashCode(), Title = a.Title, Description = a.Lead, Published = Now.AddHours(-a.HoursAgo), Fetched = Now,
        })]).Inserted;

    private StoryAssigner Assigner(bool embeddings) =>
        new(new StoryStore(_fx.Database), new StoryOptions { Embeddings = embeddings }.Clusterer(), _fx.Clock, embedder: embeddings ? _embedder : null);

    [Fact]
    public void Assign_WithEmbeddings_EncodesEachArticleOnce_AndARestartReadsTheStoredVectorsBack()
    {
        _fx.Clock.SetUtcNow(Now);
        var first = Store(
            ("reuters", "Foreign ministers meet in Geneva over Syria ceasefire", "Foreign ministers of Russia and the United States met in Geneva on Tuesday.", 5),
            ("bbc", "Djokovic wins the Australian Open final", "Novak Djokovic beat his rival in four sets in Melbourne.", 4));
        Assigner(embeddings: true).Assign(first);
        Assert.Equal(2, _embedder.Encoded);
        var rows = new StoryStore(_fx.Database).IndexRows(Now.AddDays(-1), 600, StoryAssigner.VectorModel);
        Assert.All(rows, r => Assert.Equal(SentenceEmbedder.Dimensions, r.Vector?.Length));

        // A restarted service: a new assigner restores its window from the store and encodes only the new article.
        var second = Store(("ap", "Syria ceasefire talks: ministers gather in Geneva", "Ministers from Russia and the US gathered in Geneva for talks.", 3));
        var assigned = Assigner(embeddings: true).Assign(second);

        Assert.Equal(3, _embedder.Encoded);
        var story = new StoryStore(_fx.Database).Get(assigned[second[0].Id])!;
        Assert.Equal(["reuters", "ap"], story.Outlets);
    }

    [Fact]
    public void Assign_TwoWordingsOfOneEventSharingFewWords_JoinWithEmbeddingsButNotLexically()
    {
        _fx.Clock.SetUtcNow(Now);
        var articles = Store(
            ("reuters", "Lawmakers approve spending bill hours before shutdown deadline", "", 3),
            ("bbc", "Congress passes funding measure, averting a government shutdown", "", 2),
            ("ap", "Djokovic wins the Australian Open final", "", 1));

        var lexical = Assigner(embeddings: false).Assign(articles);
        Assert.Equal(3, lexical.Values.Distinct().Count());

        using var other = new PipelineFixture();
        other.Clock.SetUtcNow(Now);
        var again = other.Articles.Upsert([.. articles.Select(a => a with { Id = 0, StoryId = null })]).Inserted;
        var combined = new StoryAssigner(new StoryStore(other.Database), new StoryOptions { Embeddings = true }.Clusterer(), other.Clock, embedder: _embedder).Assign(again);
        Assert.Equal(combined[again[0].Id], combined[again[1].Id]);
        Assert.NotEqual(combined[again[0].Id], combined[again[2].Id]);
    }

    public void Dispose()
    {
        _embedder.Dispose();
        _fx.Dispose();
    }
}
