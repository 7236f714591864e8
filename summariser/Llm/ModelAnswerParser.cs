using System.Text.Json;
using System.Text.RegularExpressions;
using NewsBrief.Summariser.Grounding;

namespace NewsBrief.Summariser.Llm;

/// <summary>
/// Reads the model's answer tolerantly: code fences and chatter around the JSON are ignored (the first balanced
/// JSON object is taken), sentences may be objects {text, citations} or plain strings with [n] markers.
/// Throws <see cref="FormatException"/> with a reason a user can read when there is nothing usable.
/// </summary>
public static partial class ModelAnswerParser
{
    public static DraftSummary Parse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content)) throw new FormatException("the model answered with an empty message");
        var json = FirstJsonObject(content)
            ?? throw new FormatException($"the model's answer contains no JSON object (starts \"{Preview(content)}\")");
        JsonElement root;
        try { root = JsonDocument.Parse(json).RootElement; }
        catch (JsonException e) { throw new FormatException($"the model's answer is not valid JSON: {e.Message}"); }

        var headline = Text(root, "headline") ?? Text(root, "title") ?? "";
        if (!root.TryGetProperty("sentences", out var sentences) || sentences.ValueKind != JsonValueKind.Array)
            throw new FormatException("the model's JSON has no \"sentences\" array");

        var drafts = new List<DraftSentence>();
        foreach (var item in sentences.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    var s = item.GetString() ?? "";
                    drafts.Add(new DraftSentence(s, Markers(s)));
                    break;
                case JsonValueKind.Object:
                    var text = Text(item, "text") ?? Text(item, "sentence") ?? "";
                    var citations = item.TryGetProperty("citations", out var c) ? Citations(c) : [];
                    drafts.Add(new DraftSentence(text, citations.Count > 0 ? citations : Markers(text)));
                    break;
            }
        }
        return new DraftSummary(headline.Trim(), drafts.Where(d => d.Text.Trim().Length > 0).ToList());
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<int> Citations(JsonElement element)
    {
        var items = element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().ToList() : [element];
        var numbers = new List<int>();
        foreach (var item in items)
        {
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var n)) numbers.Add(n);
            else if (item.ValueKind == JsonValueKind.String)
                numbers.AddRange(Digits().Matches(item.GetString() ?? "").Select(m => int.Parse(m.Value)));
        }
        return numbers;
    }

    private static List<int> Markers(string text) =>
        Marker().Matches(text).SelectMany(m => Digits().Matches(m.Value)).Select(m => int.Parse(m.Value)).ToList();

    /// <summary>The first balanced {...} in the text, aware of JSON strings; null when there is none.</summary>
    public static string? FirstJsonObject(string text)
    {
        for (var start = text.IndexOf('{'); start >= 0; start = text.IndexOf('{', start + 1))
        {
            int depth = 0;
            var inString = false;
            for (var i = start; i < text.Length; i++)
            {
                var ch = text[i];
                if (inString)
                {
                    if (ch == '\\') i++;
                    else if (ch == '"') inString = false;
                }
                else if (ch == '"') inString = true;
                else if (ch == '{') depth++;
                else if (ch == '}' && --depth == 0)
                {
                    var candidate = text[start..(i + 1)];
                    if (IsJson(candidate)) return candidate;
                    break;
                }
            }
        }
        return null;
    }

    private static bool IsJson(string candidate)
    {
        try { using var _ = JsonDocument.Parse(candidate); return true; }
        catch (JsonException) { return false; }
    }

    private static string Preview(string content)
    {
        var line = content.Trim().ReplaceLineEndings(" ");
        return line.Length <= 60 ? line : line[..60] + "...";
    }

    [GeneratedRegex(@"\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
