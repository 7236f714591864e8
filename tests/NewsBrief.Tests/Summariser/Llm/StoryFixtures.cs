using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Extractive;
using NewsBrief.Summariser.Llm;

namespace NewsBrief.Tests.Summariser.Llm;

/// <summary>Stories and options shared by the LLM summariser tests.</summary>
public static class StoryFixtures
{
    public const string EvilUrl = "http://evil.example";

    /// <summary>The real offline fallback the application wires behind the model (not a stand-in).</summary>
    public static ExtractiveStorySummariser Fallback() => new(new ExtractiveSummariser());

    /// <summary>What the real fallback says about a story, sentence by sentence, for comparing a fallen-back summary.</summary>
    public static IReadOnlyList<string> FallbackSentences(Story story) => Fallback().Summarise(story).Sentences.Select(s => s.Text).ToList();

    /// <summary>A stored story of two outlets' articles, filed under "TikTok bans".</summary>
    public static Story TikTokStory(string? secondText = null)
    {
        var articles = new List<Article>
        {
            Article(101, "https://news.example/montana-ban", "example-news", "Montana bans TikTok on personal devices",
                "Montana became the first US state to ban TikTok on Monday. Governor Greg Gianforte signed the bill, which takes effect on 1 January 2024. " +
                "App stores face fines of $10,000 per day for each violation. TikTok said it would defend the rights of its users in Montana."),
            Article(102, "https://wire.example/tiktok-sues", "example-wire", "TikTok sues Montana over state ban",
                secondText ?? "TikTok filed a lawsuit challenging the Montana ban, arguing it violates the First Amendment. The company said 200,000 people in Montana use the app. " +
                "The state attorney general said the law would hold up in court."),
        };
        return new Story
        {
            Id = 7, Headline = articles[0].Title, Topics = ["TikTok bans"], FirstSeen = articles[0].DatedAt, LastUpdated = articles[1].DatedAt, Articles = articles,
        };
    }

    public static SummariserOptions CompatibleOptions(string endpoint) => new()
    {
        Provider = "openai-compatible",
        Endpoint = endpoint,
        Model = "llama3.1",
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 2,
        RetryBaseDelay = TimeSpan.Zero,
    };

    public static string GoodAnswer => """
        {"headline":"Montana bans TikTok and is sued",
         "sentences":[
           {"text":"Montana became the first US state to ban TikTok, with fines of $10,000 per day for app stores.","citations":[1]},
           {"text":"TikTok sued, arguing the ban violates the First Amendment.","citations":[2]}]}
        """;

    private static Article Article(long id, string url, string source, string title, string text) => new()
    {
        Id = id, SourceId = source, Url = url, CanonicalUrl = url, Title = title, Text = text,
        Published = new DateTimeOffset(2023, 5, 18, 9, 0, 0, TimeSpan.Zero).AddMinutes(id - 101),
    };
}
