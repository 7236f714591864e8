using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Evaluation;
using NewsBrief.Summariser.Events;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Summariser.Events;

public sealed class EventExtractorTests
{
    // Monday 10 February 2025.
    private static readonly DateTimeOffset Monday = new(2025, 2, 10, 9, 0, 0, TimeSpan.Zero);

    private const string SeedArticle =
        "Foreign Secretary David Lammy is due to meet his Chinese counterpart this week, officials said. " +
        "Chinese Foreign Minister Wang Yi will visit London on Thursday, February 13, ahead of the Munich Security Conference. " +
        "The two men last met in Beijing in October.";

    [Fact]
    public void Extract_SeedArticle_FindsTheVisitOnThatThursdayWithTheMinisterAndLondon()
    {
        var events = EventExtractor.Extract(SeedArticle, Monday);

        var visit = Assert.Single(events, e => e.Precision == EventPrecision.Day);
        Assert.Equal(new DateOnly(2025, 2, 13), visit.Date);
        Assert.Equal("visit", visit.Kind);
        Assert.Equal("London", visit.Place);
        Assert.Contains(visit.Participants, p => p.Contains("Wang Yi", StringComparison.Ordinal));
        Assert.Contains(visit.Sentence, SeedArticle);
    }

    [Fact]
    public void Extract_SeedArticle_ResolvesThisWeekToAWeekPrecisionEventDatedByItsMonday()
    {
        var events = EventExtractor.Extract(SeedArticle, Monday);

        var meeting = Assert.Single(events, e => e.Precision == EventPrecision.Week);
        Assert.Equal(new DateOnly(2025, 2, 10), meeting.Date);
        Assert.Equal("meeting", meeting.Kind);
        Assert.Contains(meeting.Participants, p => p.Contains("David Lammy", StringComparison.Ordinal));
        Assert.Equal(2, events.Count); // the meeting in October is behind, not an event
    }

    [Theory]
    [InlineData("MPs will vote on the bill next Tuesday.", "2025-02-18", EventPrecision.Day)]
    [InlineData("The ban takes effect on 19 January.", "2026-01-19", EventPrecision.Day)]
    [InlineData("The summit is scheduled for next month in Geneva.", "2025-03-01", EventPrecision.Month)]
    [InlineData("The court will rule in March.", "2025-03-01", EventPrecision.Month)]
    [InlineData("Ministers will meet tomorrow.", "2025-02-11", EventPrecision.Day)]
    [InlineData("The agency must decide by the end of the year, and the board will vote then.", "2025-12-01", EventPrecision.Month)]
    [InlineData("The talks will resume next week in Doha.", "2025-02-17", EventPrecision.Week)]
    [InlineData("Voters go to the polls on Feb. 23, 2025, and results are due to follow.", "2025-02-23", EventPrecision.Day)]
    public void FromSentence_ResolvesTheDateAgainstThePublicationDate(string sentence, string date, EventPrecision precision)
    {
        var e = EventExtractor.FromSentence(sentence, DateOnly.FromDateTime(Monday.UtcDateTime));

        Assert.NotNull(e);
        Assert.Equal((DateOnly.Parse(date), precision), (e.Date, e.Precision));
    }

    [Theory]
    [InlineData("The two leaders could meet on Thursday.")] // hypothetical
    [InlineData("If the bill passes, it will take effect on 1 March.")] // conditional
    [InlineData("The minister said on Thursday that talks had stalled.")] // past
    [InlineData("The leaders met last Tuesday in Paris.")] // past
    [InlineData("Storms will sweep across the Plains on Saturday.")] // a forecast
    [InlineData("Archived from the original on 3 May 2025.")] // boilerplate
    [InlineData("The company will grow this year.")] // too vague for a calendar
    [InlineData("The exhibition runs until Friday.")] // an end, not an event
    [InlineData("The attack on Jan. 7 killed 12 people.")] // behind the publication date
    public void FromSentence_IgnoresWhatIsNotAFutureEvent(string sentence)
    {
        Assert.Null(EventExtractor.FromSentence(sentence, DateOnly.FromDateTime(Monday.UtcDateTime)));
    }

    [Fact]
    public void Extract_EveryParticipantAndTheDateTextOccurInTheArticle()
    {
        foreach (var e in EventExtractor.Extract(SeedArticle, Monday))
        {
            Assert.Contains(e.DateText, SeedArticle);
            Assert.All(e.Participants, p => Assert.Contains(p, SeedArticle));
        }
    }

    [Fact]
    public void Extract_HostileText_ReturnsWithoutEventsOrErrors()
    {
        var noStops = string.Concat(Enumerable.Repeat("will meet on Thursday and ", 40_000)); // one 1 MB "sentence"
        var manyDates = string.Join(" ", Enumerable.Repeat("Monday Tuesday 13 February 2025 next week.", 20_000));

        Assert.Empty(EventExtractor.Extract(noStops, Monday)); // longer than any sentence is considered
        Assert.NotNull(EventExtractor.Extract(manyDates, Monday));
        Assert.Empty(EventExtractor.Extract("", Monday));
    }

    [Fact]
    public void LabelledSet_MeetsTheQualityFloors()
    {
        var rows = EventLabelledSet.Load(EventLabelledSet.PathIn(RepoRoot.Path));
        Assert.True(rows.Count >= 150, $"{rows.Count} labelled sentences");

        var all = EventLabelledSet.Score(rows);

        Assert.True(all.Precision >= 0.9, $"precision {all.Precision:0.000}");
        Assert.True(all.Recall >= 0.7, $"recall {all.Recall:0.000}");
        Assert.True(all.DateExact >= 0.9, $"date exact {all.DateExact:0.000}");
    }
}
