using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NewsBrief.Core.Query;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Web.Pages;

/// <summary><c>/topics/{name}</c>: the topic's articles and stories per day over 30 days as a server-drawn SVG, and its top stories of the week.</summary>
public static class TopicPage
{
    public const int Days = 30;

    public static void Map(IEndpointRouteBuilder app, ReadingRoomServices room) => app.MapGet("/topics/{name}", (HttpContext ctx, string name) =>
    {
        var topic = room.App.Config.Topics.FirstOrDefault(t => string.Equals(t.Topic.Name, name, StringComparison.OrdinalIgnoreCase));
        if (topic.Topic is null) return Html.Page("Not found", $"<h1>No topic {Html.E(name)}</h1>", 404);
        var now = room.Now;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var days = Enumerable.Range(0, Days).Select(i => today.AddDays(i - Days + 1)).ToList();
        var from = new DateTimeOffset(days[0].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var articles = new int[Days];
        var storyDays = new Dictionary<long, DateOnly>();
        foreach (var a in room.App.Articles.InWindow(from, now, 50_000))
        {
            if (!topic.Query.Matches(new QueryDocument(a.Title, a.BodyOrDescription, a.SourceId, room.App.Sources.NameOf(a.SourceId)))) continue;
            var day = DateOnly.FromDateTime(a.DatedAt.UtcDateTime);
            var index = day.DayNumber - days[0].DayNumber;
            if (index is < 0 or >= Days) continue;
            articles[index]++;
            var key = a.StoryId ?? -a.Id;
            if (!storyDays.TryGetValue(key, out var first) || day < first) storyDays[key] = day;
        }
        var stories = new int[Days];
        foreach (var day in storyDays.Values) stories[day.DayNumber - days[0].DayNumber]++;
        var html = new StringBuilder($"<h1>{Html.E(topic.Topic.Name)}</h1><p class=\"meta\"><code>{Html.E(topic.Query.Text)}</code> · ")
            .Append($"<a href=\"/feeds/topics/{Uri.EscapeDataString(topic.Topic.Name)}.atom\">Atom feed</a> · <a href=\"/search?q={Uri.EscapeDataString(topic.Query.Text)}\">search</a></p>");
        html.Append($"<figure>{TrendPlot.Svg(days, articles, stories, $"{topic.Topic.Name}: articles and stories per day, last {Days} days")}")
            .Append($"<figcaption class=\"meta\">{Counted.Of(articles.Sum(), "article")} in {Counted.Of(storyDays.Count, "story", "stories")} over {Days} days</figcaption></figure>");
        var top = StoryFilter.Recent(room, TimeSpan.FromDays(7), topic.Topic.Name, null, 10);
        html.Append("<h2>Top stories this week</h2>");
        if (top.Count == 0) html.Append("<p>No stories this week.</p>");
        html.Append("<ol class=\"stories\">");
        foreach (var s in top) html.Append("<li>").Append(StoryPages.StoryLink(s)).Append(' ').Append(StoryPages.StoryMeta(room, s)).Append("</li>");
        html.Append("</ol>");
        return Html.Page(topic.Topic.Name, html.ToString(), admin: room.Gate.IsAdmin(ctx));
    });
}
