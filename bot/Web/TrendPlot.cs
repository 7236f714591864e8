using System.Globalization;
using System.Text;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Web;

/// <summary>
/// A small SVG drawn on the server (no script, no CDN): articles per day as bars, stories per day as a line,
/// with the day axis and the largest count labelled. Printable, and readable without colour (bars and a line).
/// </summary>
public static class TrendPlot
{
    public const int Width = 640, Height = 220;
    private const int Left = 36, Right = 10, Top = 14, Bottom = 34;

    public static string Svg(IReadOnlyList<DateOnly> days, IReadOnlyList<int> articles, IReadOnlyList<int> stories, string title)
    {
        var max = Math.Max(1, Math.Max(articles.DefaultIfEmpty(0).Max(), stories.DefaultIfEmpty(0).Max()));
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        var step = plotW / Math.Max(1, days.Count);
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        double Y(int v) => Top + plotH - plotH * v / max;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Html.E(title)}\">")
            .Append($"<title>{Html.E(title)}</title>")
            .Append($"<line x1=\"{Left}\" y1=\"{N(Top + plotH)}\" x2=\"{Width - Right}\" y2=\"{N(Top + plotH)}\" stroke=\"#888\"/>")
            .Append($"<text x=\"{Left - 4}\" y=\"{Top + 4}\" font-size=\"11\" text-anchor=\"end\">{max}</text>")
            .Append($"<text x=\"{Left - 4}\" y=\"{N(Top + plotH)}\" font-size=\"11\" text-anchor=\"end\">0</text>");
        for (var i = 0; i < days.Count; i++)
        {
            var x = Left + i * step;
            var h = plotH * articles[i] / max;
            svg.Append($"<rect class=\"articles\" x=\"{N(x + step * 0.15)}\" y=\"{N(Top + plotH - h)}\" width=\"{N(step * 0.7)}\" height=\"{N(h)}\" fill=\"#9dbbe0\"><title>{days[i]:yyyy-MM-dd}: {Counted.Of(articles[i], "article")}, {Counted.Of(stories[i], "story", "stories")}</title></rect>");
            if (days.Count <= 14 || i % (days.Count / 7 + 1) == 0)
                svg.Append($"<text x=\"{N(x + step / 2)}\" y=\"{Height - Bottom + 14}\" font-size=\"10\" text-anchor=\"middle\">{days[i]:MM-dd}</text>");
        }
        var points = string.Join(" ", stories.Select((v, i) => $"{N(Left + i * step + step / 2)},{N(Y(v))}"));
        svg.Append($"<polyline class=\"stories\" points=\"{points}\" fill=\"none\" stroke=\"#a35a00\" stroke-width=\"2\"/>")
            .Append($"<text x=\"{Left}\" y=\"{Height - 4}\" font-size=\"11\">bars: articles per day · line: stories per day</text>")
            .Append("</svg>");
        return svg.ToString();
    }
}
