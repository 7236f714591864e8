using NewsBrief.Summariser.Budget;
using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Tests.Summariser.Budget;

public sealed class StoryTrimmerTests
{
    private static string LongText(string topic, int sentences) =>
        string.Join(" ", Enumerable.Range(1, sentences).Select(i => $"Sentence {i} about {topic} adds another detail to the report."));

    [Fact]
    public void TokenCounter_CountsWithO200k() =>
        Assert.InRange(TokenCounter.Count("Montana became the first US state to ban TikTok."), 9, 14);

    [Fact]
    public void Trim_WhenStoryFits_ReturnsItUnchanged()
    {
        var docs = new List<SummaryDocument> { new(1, "a", "Short text.") };

        Assert.Same(docs, new StoryTrimmer().Trim(docs, 1000));
    }

    [Fact]
    public void Trim_WhenStoryIsTooLong_FitsTheBudgetKeepingShortArticlesWholeAndOrder()
    {
        var shortText = "A short article that fits easily.";
        var docs = new List<SummaryDocument> { new(1, "long", LongText("trade", 200)), new(2, "short", shortText) };

        var trimmed = new StoryTrimmer().Trim(docs, 300);

        Assert.InRange(trimmed.Sum(d => TokenCounter.Count(d.Text)), 1, 300);
        Assert.Equal(shortText, trimmed[1].Text);
        Assert.StartsWith("Sentence 1 about trade", trimmed[0].Text); // the ranker's best (the lead) kept, in order
        var kept = SentenceSplitter.Split(trimmed[0].Text);
        Assert.Equal(kept.OrderBy(s => int.Parse(s.Split(' ')[1])), kept);
    }

    [Fact]
    public void BriefTokenBudget_AllowsUntilSpent()
    {
        var budget = new BriefTokenBudget(1000);
        budget.Spend(700);

        Assert.True(budget.Allows(300));
        Assert.False(budget.Allows(301));
        Assert.Equal(300, budget.Remaining);
    }
}
