using System.Globalization;
using System.Text;

namespace NewsBrief.Bot.Rendering;

/// <summary>The table <c>sources list</c> prints, failing sources' errors in full below it.</summary>
public static class SourcesTable
{
    public static string Render(IReadOnlyList<SourceRow> rows)
    {
        var text = new StringBuilder(TextTable.Render(
            ["id", "kind", "health", "articles", "last poll", "failures", "last outcome", "url"],
            rows.Select(r => new[]
            {
                r.Id, r.Kind, r.Health, r.Articles.ToString(CultureInfo.InvariantCulture), Stamp(r.LastPolled),
                r.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture), r.LastOutcome ?? "", r.Url,
            }).ToList()));
        foreach (var r in rows.Where(r => r.LastError is not null))
            text.AppendLine($"{r.Id}: last error: {r.LastError} (next try {Stamp(r.NextPoll)})");
        return text.ToString();
    }

    private static string Stamp(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never";
}
