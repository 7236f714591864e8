using System.Text;

namespace NewsBrief.Bot.Rendering;

/// <summary>A plain aligned text table for the console; long cells are cut with an ellipsis.</summary>
public static class TextTable
{
    public const int MaxCell = 80;

    public static string Render(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        var cells = rows.Select(r => r.Select(c => Cut(c.ReplaceLineEndings(" "))).ToArray()).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        Line(text, headers, widths);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells) Line(text, row, widths);
        return text.ToString();
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> cells, int[] widths) =>
        text.AppendLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());

    private static string Cut(string s) => s.Length <= MaxCell ? s : s[..(MaxCell - 1)] + "…";
}
