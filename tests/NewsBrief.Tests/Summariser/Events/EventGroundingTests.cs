using System.Text.Json;
using System.Text.RegularExpressions;
using NewsBrief.Summariser.Events;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Summariser.Events;

/// <summary>
/// Nothing invented: over every article of the summarisation sets, each extracted event's sentence, date
/// expression, participants and place occur in the article it cites.
/// </summary>
public sealed partial class EventGroundingTests
{
    [SharedDataFact]
    public void Extract_OverEveryDevSetArticle_TakesDateParticipantsAndPlaceFromTheArticle()
    {
        // The sets carry no publication dates; a fixed one exercises the same rules.
        var published = new DateTimeOffset(2005, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var checkedEvents = 0;
        foreach (var file in new[] { SharedData.Path("summarisation", "bbc-news-summary", "train.jsonl"), SharedData.Path("summarisation", "cnndm-sample", "dev.jsonl") })
        {
            foreach (var line in File.ReadLines(file))
            {
                using var doc = JsonDocument.Parse(line);
                var article = doc.RootElement.GetProperty("article").GetString()!;
                var flat = Spaces().Replace(article, " ");
                foreach (var e in EventExtractor.Extract(article, published))
                {
                    Assert.Contains(e.Sentence, flat);
                    Assert.Contains(e.DateText, e.Sentence);
                    Assert.All(e.Participants, p => Assert.Contains(p, e.Sentence));
                    if (e.Place is not null) Assert.Contains(e.Place, e.Sentence);
                    Assert.True(e.Date >= DateOnly.FromDateTime(published.UtcDateTime).AddDays(-6), $"{e.Date} is behind the publication date: {e.Sentence}");
                    checkedEvents++;
                }
            }
        }
        Assert.True(checkedEvents > 100, $"only {checkedEvents} events found in the dev sets");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
