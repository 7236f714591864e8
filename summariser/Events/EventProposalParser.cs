using System.Text.Json;

namespace NewsBrief.Summariser.Events;

/// <summary>
/// Reads the model's answer to the event prompt: one JSON object <c>{"events": [...]}</c>, tolerating a code fence
/// or words around it. Throws <see cref="FormatException"/> naming what is wrong; caps every list and string so a
/// hostile answer costs no more than its (already capped) length.
/// </summary>
public static class EventProposalParser
{
    /// <summary>Proposals read, at most; the rest of a longer list is ignored.</summary>
    public const int MaxProposals = 20;

    /// <summary>Participants read per proposal, at most.</summary>
    public const int MaxParticipants = 8;

    /// <summary>Longest string field read (a sentence); longer ones are not from a news sentence.</summary>
    public const int MaxFieldLength = EventExtractor.MaxSentenceLength;

    public static IReadOnlyList<ModelEventProposal> Parse(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer)) throw new FormatException("the answer is empty");
        var start = answer.IndexOf('{');
        var end = answer.LastIndexOf('}');
        if (start < 0 || end < start) throw new FormatException("no JSON object in the answer");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(answer.AsMemory(start, end - start + 1), new JsonDocumentOptions { MaxDepth = 8, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new FormatException($"the JSON does not parse ({e.Message})"); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("events", out var events))
                throw new FormatException("the JSON object has no \"events\"");
            if (events.ValueKind != JsonValueKind.Array) throw new FormatException("\"events\" is not an array");
            var list = new List<ModelEventProposal>();
            foreach (var e in events.EnumerateArray().Take(MaxProposals))
            {
                if (e.ValueKind != JsonValueKind.Object) throw new FormatException($"event {list.Count + 1} is not an object");
                list.Add(new ModelEventProposal(
                    Text(e, "date_text") ?? throw new FormatException($"event {list.Count + 1} has no \"date_text\""),
                    Text(e, "sentence") ?? "",
                    (Text(e, "kind") ?? "event").Trim().ToLowerInvariant(),
                    e.TryGetProperty("participants", out var p) && p.ValueKind == JsonValueKind.Array
                        ? p.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => Cap(x.GetString()!)).Where(x => x.Trim().Length > 0).Take(MaxParticipants).ToList()
                        : [],
                    Text(e, "place") is { } place && place.Trim().Length > 0 ? place : null));
            }
            return list;
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Cap(v.GetString()!) : null;

    private static string Cap(string s) => s.Length > MaxFieldLength ? s[..MaxFieldLength] : s;
}
