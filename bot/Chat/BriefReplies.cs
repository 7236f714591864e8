using System.Globalization;
using NewsBrief.Bot.Rendering;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Text;
using NewsBrief.Core.Chat;

namespace NewsBrief.Bot.Chat;

/// <summary>
/// Turns a brief document (the JSON <c>BriefStore</c> keeps and the outbox carries) into a chat reply: an
/// "In brief" section, a section per story whose sentences cite numbered links, and the links themselves
/// numbered across the whole reply. <c>/brief</c> and a scheduled brief both come through here, so every
/// platform shows the same brief. Pure.
/// </summary>
public static class BriefReplies
{
    public static ChatReply From(Brief brief, Func<string, string> sourceName, string scope) =>
        From(BriefJsonRenderer.ToDocument(brief, sourceName), scope);

    public static ChatReply From(BriefJsonRenderer.BriefDocument brief, string scope)
    {
        var links = new List<ReplyLink>();
        var numbers = new Dictionary<long, int>();
        void Number(BriefJsonRenderer.ArticleDocument a)
        {
            if (numbers.ContainsKey(a.Id)) return;
            links.Add(new ReplyLink($"{a.Title} ({a.Source})", a.Url));
            numbers[a.Id] = links.Count;
        }

        var embeds = new List<ReplyEmbed>();
        foreach (var story in brief.Stories)
        {
            foreach (var a in story.Articles) Number(a);
            var text = string.Join(" ", story.Sentences.Select(s => $"{s.Text} {Marks(s, numbers)}".Trim()));
            embeds.Add(new ReplyEmbed((story.Update ? "Update: " : "") + story.Headline, text, story.Articles.FirstOrDefault()?.Url, Footer: Context(story)));
        }
        if (brief.Summary.Count > 0)
            embeds.Insert(0, new ReplyEmbed("In brief", string.Join("\n", brief.Summary.Select(s => $"• {s.Text} {Marks(s, numbers)}".TrimEnd()))));

        return new ChatReply { Text = Header(brief, scope), Embeds = embeds, Links = links };
    }

    /// <summary>The line above the stories: how many, from how long, written by what.</summary>
    public static string Header(BriefJsonRenderer.BriefDocument brief, string scope)
    {
        var hours = (brief.Window.To - brief.Window.From).TotalHours;
        var window = hours >= 48 && hours % 24 == 0 ? $"{hours / 24:0} days" : $"{hours:0.#} h";
        return brief.Stories.Count == 0
            ? $"No stories {scope} in the last {window}."
            : $"Brief {scope}: {Counted.Of(brief.Stories.Count, "story", "stories")} from the last {window}. Written by {brief.Engine.Name}.";
    }

    /// <summary>The story's context line: topic, outlets and the time of its latest article.</summary>
    private static string Context(BriefJsonRenderer.StoryDocument story)
    {
        var parts = new List<string> { story.Topic };
        var outlets = story.Articles.Select(a => a.Source).Distinct().ToList();
        if (outlets.Count > 0) parts.Add(string.Join(", ", outlets));
        if (story.Articles.Max(a => a.Published) is { } latest)
            parts.Add(latest.UtcDateTime.ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture));
        return string.Join(" · ", parts);
    }

    private static string Marks(BriefJsonRenderer.SentenceDocument sentence, IReadOnlyDictionary<long, int> numbers) =>
        string.Concat(sentence.Citations.Where(numbers.ContainsKey).Select(c => $"[{numbers[c]}]"));
}
