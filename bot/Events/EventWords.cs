using System.Text;
using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Events;

namespace NewsBrief.Bot.Events;

/// <summary>
/// What the query language's <c>event:</c> field sees of an article: for each upcoming event it announces (the same
/// rules as at ingest), the word "any", its kind, participants, place and sentence. So <c>event:meeting AND china</c>
/// alerts on an article that announces a meeting and names China, and <c>event:(vote AND lords)</c> on one whose
/// announced vote is in the Lords.
/// </summary>
public static class EventWords
{
    public static string Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var words = new StringBuilder();
        foreach (var e in EventExtractor.Extract(article.Title + "\n" + article.BodyOrDescription, article.DatedAt))
        {
            // A separator between events keeps a phrase from spanning two of them.
            words.Append(" any ").Append(e.Kind).Append(' ').AppendJoin(' ', e.Participants).Append(' ').Append(e.Place).Append(' ').Append(e.Sentence).Append(" |");
        }
        return words.ToString();
    }
}
