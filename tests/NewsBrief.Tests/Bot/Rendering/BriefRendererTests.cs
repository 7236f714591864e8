using System.Text.Json;
using NewsBrief.Bot.Rendering;
using NewsBrief.Core.Domain;

namespace NewsBrief.Tests.Bot.Rendering;

public sealed class BriefRendererTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static readonly Article Guardian = new() { Id = 9, SourceId = "guardian", Url = "https://g.example/9", CanonicalUrl = "https://g.example/9", Title = "Geneva talks", Fetched = Now };
    private static readonly Article Bbc = new() { Id = 7, SourceId = "bbc", Url = "https://b.example/7", CanonicalUrl = "https://b.example/7", Title = "Summit", Fetched = Now, Published = Now.AddHours(-2) };

    private static readonly Story Summit = new()
    {
        Id = 40, Headline = "Ministers *meet* at summit", Topics = ["Diplomatic meetings"],
        FirstSeen = Now.AddHours(-2), LastUpdated = Now, Articles = [Bbc, Guardian],
    };

    private static readonly Brief Sample = new()
    {
        From = Now.AddDays(-1), To = Now, Created = Now,
        Engine = new BriefEngine("extractive", null, 0, 0),
        Stories =
        [
            new BriefEntry
            {
                Story = Summit, Section = "Diplomatic meetings",
                // The Guardian is cited first, so it is [1] although the BBC reported first.
                Sentences = [new BriefSentence("They met in Geneva.", [9, 7]), new BriefSentence("Talks resume in March.", [9])],
            },
        ],
    };

    private static string Name(string id) => id == "bbc" ? "BBC News" : "The Guardian";

    [Fact]
    public void Json_HasTheDocumentedShape()
    {
        using var doc = JsonDocument.Parse(BriefJsonRenderer.Render(Sample, Name));
        var root = doc.RootElement;

        Assert.Equal(Now.AddDays(-1), root.GetProperty("window").GetProperty("from").GetDateTimeOffset());
        var story = root.GetProperty("stories")[0];
        Assert.Equal("Ministers *meet* at summit", story.GetProperty("headline").GetString());
        Assert.Equal([9L, 7L], story.GetProperty("sentences")[0].GetProperty("citations").EnumerateArray().Select(c => c.GetInt64()));
        var article = story.GetProperty("articles")[1];
        Assert.Equal(("BBC News", "https://b.example/7"), (article.GetProperty("source").GetString(), article.GetProperty("url").GetString()));
        Assert.Equal(JsonValueKind.Null, story.GetProperty("articles")[0].GetProperty("published").ValueKind);
        Assert.Equal((40L, "Diplomatic meetings"), (story.GetProperty("storyId").GetInt64(), story.GetProperty("topic").GetString()));
        Assert.Equal(Now.AddHours(-2), story.GetProperty("firstSeen").GetDateTimeOffset());
        Assert.Equal("extractive", root.GetProperty("engine").GetProperty("name").GetString());
    }

    [Fact]
    public void Text_NumbersSourcesInListedOrderAndCitesThem()
    {
        var text = BriefTextRenderer.Render(Sample, Name);

        Assert.Contains("== Diplomatic meetings ==", text);
        Assert.Contains("They met in Geneva. [1][2]", text);
        Assert.Contains("[1] The Guardian, 2026-11-26 08:00 UTC: Geneva talks <https://g.example/9>", text);
        Assert.Contains("Written by extractive", text);
    }

    [Fact]
    public void Text_ShowsTheStoryTimelineAndWhatIsNewSinceTheLastBrief_AndInBriefNamesStoriesNotCitations()
    {
        var story = Sample.Stories[0] with
        {
            Story = Summit with { Topics = ["Diplomatic meetings", "TikTok bans"] }, IsUpdate = true, NewArticleIds = [9],
        };
        var brief = Sample with { Stories = [story], Summary = [story.Sentences[0]] };

        var text = BriefTextRenderer.Render(brief, Name);

        Assert.Contains("First seen 2026-11-26 06:00 UTC, last updated 2026-11-26 08:00 UTC; +1 article since the last brief (The Guardian); also: TikTok bans", text);
        Assert.Contains($"  * {story.Sentences[0].Text} (story 1)", text);
        var html = BriefHtmlRenderer.Render(brief, Name);
        Assert.Contains("<a href=\"#story-1\">(story 1)</a>", html);
        Assert.Contains("<h3 id=\"story-1\">", html);
    }

    [Fact]
    public void Markdown_LinksCitationsAndEscapesArticleText()
    {
        var md = BriefMarkdownRenderer.Render(Sample, Name);

        Assert.Contains(@"### 1. Ministers \*meet\* at summit", md);
        Assert.Contains("- They met in Geneva. [[1]](https://g.example/9)[[2]](https://b.example/7)", md);
    }

    [Fact]
    public void Html_EncodesArticleTextAndWritesOnlyHttpLinks()
    {
        var hostile = Sample with
        {
            Stories = [Sample.Stories[0] with
            {
                Story = Summit with { Headline = "<script>alert(1)</script> & more", Articles = [Bbc, Guardian with { Url = "javascript:alert(1)" }] },
            }],
        };

        var html = BriefHtmlRenderer.Render(hostile, Name);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("<a href=\"https://b.example/7\">Summit</a>, BBC News", html);
        Assert.Contains("They met in Geneva.<sup><a href=\"#\">[1]</a></sup><sup><a href=\"https://b.example/7\">[2]</a></sup>", html);
    }
}
