using System.Text.Json;
using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Events;

namespace NewsBrief.Summariser.Evaluation;

/// <summary>
/// The labelled event sentences (<c>tests/NewsBrief.Tests/Fixtures/events/labelled-sentences.jsonl</c>) and how
/// <see cref="EventExtractor"/> scores on them: precision, recall, exact dates, participants and place.
/// </summary>
public static class EventLabelledSet
{
    /// <summary>One labelled sentence: its publication date, whether it announces an event, and the expected answer.</summary>
    public sealed record Row(int Id, string Split, DateOnly Published, string Text, bool Event, DateOnly Date, EventPrecision Precision,
        IReadOnlyList<string> Participants, string? Place);

    /// <summary>The figures of one part of the set.</summary>
    public sealed record Scores(int Events, int Found, int TruePositives, double Precision, double Recall, double DateExact,
        double ParticipantRecall, double PlaceExact);

    /// <summary>The set's path inside a checkout.</summary>
    public static string PathIn(string repoRoot) => Path.Combine(repoRoot, "tests", "NewsBrief.Tests", "Fixtures", "events", "labelled-sentences.jsonl");

    public static IReadOnlyList<Row> Load(string path) => File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(Parse).ToList();

    private static Row Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var r = doc.RootElement;
        var isEvent = r.GetProperty("event").GetBoolean();
        return new Row(
            r.GetProperty("id").GetInt32(),
            r.GetProperty("split").GetString()!,
            DateOnly.Parse(r.GetProperty("published").GetString()!),
            r.GetProperty("text").GetString()!,
            isEvent,
            isEvent ? DateOnly.Parse(r.GetProperty("date").GetString()!) : default,
            isEvent ? Enum.Parse<EventPrecision>(r.GetProperty("precision").GetString()!, ignoreCase: true) : default,
            isEvent ? r.GetProperty("participants").EnumerateArray().Select(p => p.GetString()!).ToList() : [],
            isEvent && r.GetProperty("place").ValueKind == JsonValueKind.String ? r.GetProperty("place").GetString() : null);
    }

    public static Scores Score(IReadOnlyList<Row> rows)
    {
        int found = 0, tp = 0, exact = 0, wantedNames = 0, namedNames = 0, placeOk = 0;
        foreach (var row in rows)
        {
            var e = EventExtractor.FromSentence(row.Text, row.Published);
            if (e is null) continue;
            found++;
            if (!row.Event) continue;
            tp++;
            if (e.Date == row.Date && e.Precision == row.Precision) exact++;
            wantedNames += row.Participants.Count;
            namedNames += row.Participants.Count(p => e.Participants.Any(x => x.Contains(p, StringComparison.Ordinal)));
            if (e.Place == row.Place) placeOk++;
        }
        var events = rows.Count(r => r.Event);
        return new Scores(events, found, tp,
            found == 0 ? 1 : (double)tp / found,
            events == 0 ? 1 : (double)tp / events,
            tp == 0 ? 1 : (double)exact / tp,
            wantedNames == 0 ? 1 : (double)namedNames / wantedNames,
            tp == 0 ? 1 : (double)placeOk / tp);
    }
}
