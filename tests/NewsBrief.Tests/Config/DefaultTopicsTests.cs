using System.Text.Json;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;

namespace NewsBrief.Tests.Config;

/// <summary>
/// The shipped <c>config/topics.json</c> against real-style headlines and leads, including the misfilings the
/// stories issue found: a LinkedIn/Russia app-store story under "China relations" on incidental body words, and
/// "Cyber attacks" missing a hacking story.
/// </summary>
public sealed class DefaultTopicsTests
{
    private static readonly TopicClassifier Classifier = Load();

    private static TopicClassifier Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsBrief.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.FullName, "config", "topics.json")));
        var topics = json.RootElement.GetProperty("Topics").EnumerateArray()
            .Select(t => new Topic(t.GetProperty("Name").GetString()!, t.GetProperty("Query").GetString()!))
            .Select(t => (t, TopicQuery.Parse(t.Query))).ToList();
        return new TopicClassifier(topics);
    }

    private static IReadOnlyList<string> Topics(string title, string lead) => Classifier.Rank([Classifier.Classify(title, lead)]);

    [Fact]
    public void LinkedInPulledFromRussianAppStores_IsNotChinaRelations()
    {
        var topics = Topics("Russia orders Apple and Google to remove LinkedIn from app stores",
            "Russia's communications regulator told Apple and Google to pull LinkedIn from their Russian app stores on Tuesday, " +
            "five years after the network was blocked for refusing to store users' data on Russian servers. LinkedIn, owned by " +
            "Microsoft, closed its Chinese site in October, citing a more challenging operating environment in China amid trade " +
            "tensions between Beijing and Washington.");

        Assert.DoesNotContain("China relations", topics);
    }

    [Fact]
    public void ChinaAsTheSubject_IsChinaRelations()
    {
        // Trade talks between ministers are a diplomatic meeting too; China relations must be among its topics.
        Assert.Contains("China relations", Topics("China and Australia resume trade talks after three-year freeze",
            "Trade ministers from Beijing and Canberra met in Sydney on Monday."));
        Assert.Equal("China relations", Topics("Xi warns of tensions as US tariffs on Chinese steel take effect",
            "President Xi Jinping said the new duties would damage relations.").FirstOrDefault());
    }

    [Theory]
    [InlineData("Hacking group claims attack on Irish health service", "The group said it had stolen patient records before encrypting the systems.")]
    [InlineData("Russian hackers breached US Treasury emails, officials say", "The intrusion went unnoticed for months.")]
    [InlineData("Colonial Pipeline shuts down after cyber-attack", "The largest fuel pipeline in the US halted operations on Friday.")]
    [InlineData("Millions of Facebook users' phone numbers hacked and posted online", "The data was scraped from profiles.")]
    [InlineData("Cybersecurity agency warns of hack on water plant in Florida", "An intruder briefly raised the level of lye in the water.")]
    public void HackingStories_AreCyberAttacks(string title, string lead) =>
        Assert.Equal("Cyber attacks", Topics(title, lead).FirstOrDefault());

    [Fact]
    public void TikTokBanAnnouncedAtAForeignMinistersMeeting_IsFiledUnderBothTopicsBanFirst()
    {
        var topics = Topics("Government bans TikTok on officials' phones",
            "The government banned TikTok on ministers' and officials' work phones on Thursday. The ban was announced as " +
            "foreign ministers met in Brussels for talks on security, where the foreign secretary urged allies to follow.");

        Assert.Equal(["TikTok bans", "Diplomatic meetings"], topics);
    }

    [Theory]
    [InlineData("Djokovic beats Alcaraz to win Wimbledon title", "The Serbian won in four sets on Centre Court.")]
    [InlineData("Interest rates held at 5.25% as inflation eases", "The central bank kept rates on hold for a third month.")]
    public void UnrelatedNews_FilesUnderNoTopic(string title, string lead) => Assert.Empty(Topics(title, lead));
}
