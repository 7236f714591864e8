using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsBrief.Core.Storage;

namespace NewsBrief.Bot.Web;

/// <summary>
/// The pieces every page is written with: encoding (all article text goes through <see cref="E"/>),
/// http(s)-only links, snippet marks, and the page layout with its navigation.
/// </summary>
public static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Only http(s) links become links; anything else (javascript:, data:) is an inert "#".</summary>
    public static string Href(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? E(u.AbsoluteUri) : "#";

    /// <summary>A search snippet encoded, then its match marks turned into &lt;mark&gt; (encoding first, so article text can add no element).</summary>
    public static string Snippet(string snippet) =>
        E(snippet).Replace(ArticleSearch.MarkStart.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(ArticleSearch.MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);

    public static string Time(DateTimeOffset? t) => t is { } v
        ? $"<time datetime=\"{v.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\">{v.UtcDateTime:yyyy-MM-dd HH:mm} UTC</time>"
        : "never";

    /// <summary>A whole page: head (viewport, stylesheet, brief feed), navigation, and the body.</summary>
    public static IResult Page(string title, string body, int status = 200, bool admin = false)
    {
        var html = new StringBuilder(body.Length + 1200);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" · NewsBrief</title>")
            .Append("<link rel=\"stylesheet\" href=\"/style.css\">")
            .Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"NewsBrief briefs\" href=\"/feeds/briefs.atom\">")
            .Append("</head><body><header><nav><a class=\"brand\" href=\"/\">NewsBrief</a> ")
            .Append("<a href=\"/briefs\">Briefs</a> <a href=\"/stories\">Stories</a> <a href=\"/events\">Events</a> <a href=\"/search\">Search</a> <a href=\"/sources\">Sources</a> <a href=\"/subscriptions\">Subscriptions</a> ")
            .Append(admin ? "<span class=\"admin\">admin</span>" : "<a href=\"/login\">Log in</a>")
            .Append("</nav></header><main>")
            .Append(body)
            .Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
