using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsBrief.Core.Query;

namespace NewsBrief.Bot.Web;

/// <summary>A search as asked in the URL (<c>q</c>, <c>from</c>, <c>to</c> as yyyy-MM-dd), checked: a bad query or date is a message naming it.</summary>
public sealed record SearchRequest(string Text, TopicQuery? Query, DateTimeOffset From, DateTimeOffset To, string? Error)
{
    public static SearchRequest Parse(string? q, string? from, string? to, DateTimeOffset now)
    {
        var text = q?.Trim() ?? "";
        string? error = null;
        var start = DateTimeOffset.UnixEpoch;
        var end = now.AddDays(1);
        if (!string.IsNullOrWhiteSpace(from) && !TryDate(from, out start)) error = $"from: '{from}' is not a date like 2026-12-01";
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (TryDate(to, out var day)) end = day.AddDays(1).AddTicks(-1);
            else error ??= $"to: '{to}' is not a date like 2026-12-01";
        }
        TopicQuery? query = null;
        if (text.Length > 0 && error is null)
        {
            if (TopicQuery.TryParse(text, out var parsed, out var e)) query = parsed;
            else error = $"bad query: {e!.Message}";
        }
        return new SearchRequest(text, query, start, end, error);
    }

    private static bool TryDate(string text, out DateTimeOffset date)
    {
        var ok = DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d);
        date = ok ? new DateTimeOffset(d, TimeSpan.Zero) : default;
        return ok;
    }
}
