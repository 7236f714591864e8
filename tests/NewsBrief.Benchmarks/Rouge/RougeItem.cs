using System.Text.Json;

namespace NewsBrief.Benchmarks.Rouge;

/// <summary>One evaluation item: an article, its reference summary (one sentence per line) and any published systems' outputs.</summary>
public sealed record RougeItem(string Id, string Title, string Article, string Reference, IReadOnlyDictionary<string, string> Systems)
{
    /// <summary>
    /// Reads JSONL. The reference is <c>reference</c>, else <c>summary</c>, else <c>highlights</c>; the title
    /// is used when present; a <c>systems</c> object of strings (the CNN/DM sample) is kept for scoring.
    /// Items marked <c>duplicate_of</c> another (the BBC set) are skipped so no article counts twice.
    /// </summary>
    public static List<RougeItem> Load(string path, int? limit)
    {
        var items = new List<RougeItem>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (Text(root, "duplicate_of") is { } dup && dup is not ("None" or "")) continue;
            var article = Text(root, "article") ?? throw new InvalidDataException($"{path}:{lineNumber}: no 'article' field");
            var reference = Text(root, "reference") ?? Text(root, "summary") ?? Text(root, "highlights")
                ?? throw new InvalidDataException($"{path}:{lineNumber}: no 'reference', 'summary' or 'highlights' field");
            var systems = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("systems", out var sys) && sys.ValueKind == JsonValueKind.Object)
                foreach (var p in sys.EnumerateObject())
                    if (p.Value.ValueKind == JsonValueKind.String) systems[p.Name] = p.Value.GetString()!;
            items.Add(new RougeItem(Text(root, "id") ?? lineNumber.ToString(), Text(root, "title") ?? "", article, reference, systems));
            if (items.Count == limit) break;
        }
        return items;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
