using System.Text;
using NewsBrief.Scrapers.Refresh;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Rendering;

/// <summary>The table <c>poll</c> prints: one row per source with outcome, items, new, updated and error.</summary>
public static class PollTable
{
    public static string Render(IReadOnlyList<PollReport> reports)
    {
        var rows = reports.Select(r => new[]
        {
            r.SourceId, r.Outcome, r.Items.ToString(), r.Inserted.ToString(), r.Updated.ToString(),
            $"{r.Elapsed.TotalMilliseconds:0} ms", r.Error ?? "",
        }).ToList();
        var text = new StringBuilder(TextTable.Render(["source", "outcome", "items", "new", "updated", "time", "error"], rows));
        text.AppendLine($"{Counted.Of(reports.Count, "source")}: {reports.Count(r => !r.Failed)} ok, {reports.Count(r => r.Failed)} failed; {Counted.Of(reports.Sum(r => r.Inserted), "new article")}, {reports.Sum(r => r.Updated)} updated.");
        return text.ToString();
    }
}
