using Microsoft.Extensions.Time.Testing;
using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Tests.Summariser.Briefing;

public sealed class BriefComposerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private readonly BriefComposer _composer = new(BriefKernel.Create(new ExtractiveStorySummariser(new ExtractiveSummariser())), new FakeTimeProvider(Now));

    private static Article A(long id, string source, string title, string text) => new()
    {
        Id = id, SourceId = source, Url = $"https://{source}.example/{id}", CanonicalUrl = $"https://{source}.example/{id}",
        Title = title, Description = text, Fetched = Now, Published = Now.AddHours(-id),
    };

    private static readonly Article[] Summit =
    [
        A(1, "bbc", "Leaders meet in Geneva", "Leaders of both countries met in Geneva on Tuesday. They agreed to reopen embassies. Talks will resume in March."),
        A(2, "guardian", "Geneva summit ends with embassy deal", "The Geneva summit ended with a deal to reopen embassies. Critics said the deal was thin."),
    ];

    /// <summary>A stored story of these articles, filed under the topic.</summary>
    private static Story S(string topic, params Article[] articles) => new()
    {
        Id = articles[0].Id * 100, Headline = articles[0].Title, Topics = topic.Length == 0 ? [] : [topic],
        FirstSeen = articles.Min(a => a.DatedAt), LastUpdated = articles.Max(a => a.DatedAt), Articles = articles.OrderBy(a => a.DatedAt).ToList(),
    };

    [Fact]
    public async Task Compose_EverySentenceCitesAnArticleOfItsStory()
    {
        var brief = await _composer.ComposeAsync(new BriefRequest(Now.AddDays(-1), Now, [S("Diplomacy", Summit)]), CancellationToken.None);

        var story = Assert.Single(brief.Stories);
        Assert.NotEmpty(story.Sentences);
        var ids = story.Articles.Select(a => a.Id).ToHashSet();
        Assert.All(story.Sentences, s => Assert.All(s.Citations, c => Assert.Contains(c, ids)));
        Assert.All(story.Sentences, s => Assert.Contains(s.Text, Summit.Single(a => a.Id == s.Citations[0]).Description));
        Assert.Equal(("extractive", "Diplomacy"), (brief.Engine.Name, story.Section));
    }

    [Fact]
    public async Task Compose_StoryWhoseArticlesWereAllBriefed_IsLeftOut_AndAStoryWithNewOnesIsAnUpdate()
    {
        var other = A(3, "bbc", "TikTok ban vote delayed", "The vote on the TikTok ban was delayed. A new date was not set.");
        var request = new BriefRequest(Now.AddDays(-1), Now, [S("Diplomacy", Summit), S("TikTok", other)])
        {
            AlreadyBriefed = new HashSet<long> { 1, 3 },
        };

        var brief = await _composer.ComposeAsync(request, CancellationToken.None);

        var story = Assert.Single(brief.Stories);
        Assert.True(story.IsUpdate);
        Assert.All(story.Sentences, s => Assert.Equal([2L], s.Citations));
        Assert.Equal(2, story.Articles[0].Id);
    }

    [Fact]
    public async Task Compose_ArticleWithNoSentences_StillSaysSomethingItCanCite()
    {
        var bare = A(4, "gov", "Statement on the summit", "");
        var brief = await _composer.ComposeAsync(new BriefRequest(Now.AddDays(-1), Now, [S("Diplomacy", bare with { Description = null })]), CancellationToken.None);

        var sentence = Assert.Single(Assert.Single(brief.Stories).Sentences);
        Assert.Equal([4L], sentence.Citations);
    }

    [Fact]
    public async Task Compose_NoStories_GivesAnEmptyBrief()
    {
        var brief = await _composer.ComposeAsync(new BriefRequest(Now.AddDays(-1), Now, []), CancellationToken.None);

        Assert.Empty(brief.Stories);
        Assert.Equal(Now, brief.Created);
    }

    [Fact]
    public async Task Compose_ExecutiveSummary_TakesTheLeadSentenceOfTheLeadingTopicStories()
    {
        var tiktok = A(3, "bbc", "TikTok ban vote delayed", "The vote on the TikTok ban was delayed. A new date was not set.");
        var minor = A(5, "gov", "Consultation opens", "A consultation on road signs opened today.");
        var request = new BriefRequest(Now.AddDays(-1), Now, [S("", minor), S("Diplomacy", Summit), S("TikTok", tiktok)])
        {
            Highlights = 2,
            Leading = [1, 2],
        };

        var brief = await _composer.ComposeAsync(request, CancellationToken.None);

        Assert.Equal(2, brief.Summary.Count);
        Assert.Equal(brief.Stories[1].Sentences[0], brief.Summary[0]);
        Assert.Equal(brief.Stories[2].Sentences[0], brief.Summary[1]);
        Assert.Equal(["Other news", "Diplomacy", "TikTok"], brief.Stories.Select(s => s.Section));
        Assert.Equal([100L, 300L], brief.Stories.Where(s => s.Section != "Other news").Select(s => s.StoryId!.Value));
    }
}
