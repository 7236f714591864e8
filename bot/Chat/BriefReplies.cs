using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Chat;

/// <summary>
/// Turns a brief into a chat reply: an "In brief" section, a section per story whose sentences cite
/// numbered links, and the links themselves numbered across the whole reply. Pure.
/// </summary>
public static class BriefReplies
{
    public static ChatReply From(Brief brief, Func<string, string> sourceName, string scope)
    {
        var links = new List<ReplyLink>();
        var numbers = new Dictionary<long, int>();
        int Number(Article a)
        {
            if (!numbers.TryGetValue(a.Id, out var n))
            {
                links.Add(new ReplyLink($"{a.Title} ({sourceName(a.SourceId)})", a.Url));
                numbers[a.Id] = n = links.Count;
            }
            return n;
        }

        var embeds = new List<ReplyEmbed>();
        foreach (var story in brief.Stories)
        {
            foreach (var a in story.Articles) Number(a);
            var text = string.Join(" ", story.Sentences.Select(s => $"{s.Text} {Marks(s, numbers)}".Trim()));
            embeds.Add(new ReplyEmbed((story.IsUpdate ? "Update: " : "") + story.Headline, text, story.Articles[0].Url, Footer: story.Topic));
        }
        if (brief.Summary.Count > 0)
            embeds.Insert(0, new ReplyEmbed("In brief", string.Join("\n", brief.Summary.Select(s => $"• {s.Text} {Marks(s, numbers)}".TrimEnd()))));

        var hours = (brief.To - brief.From).TotalHours;
        var window = hours >= 48 && hours % 24 == 0 ? $"{hours / 24:0} days" : $"{hours:0.#} h";
        var header = brief.Stories.Count == 0
            ? $"No stories {scope} in the last {window}."
            : $"Brief {scope}: {brief.Stories.Count} stories from the last {window}. Written by {brief.Engine.Name}.";
        return new ChatReply { Text = header, Embeds = embeds, Links = links };
    }

    private static string Marks(BriefSentence sentence, IReadOnlyDictionary<long, int> numbers) =>
        string.Concat(sentence.Citations.Where(numbers.ContainsKey).Select(c => $"[{numbers[c]}]"));
}
