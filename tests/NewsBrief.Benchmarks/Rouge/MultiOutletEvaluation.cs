using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Benchmarks.Rouge;

/// <summary>
/// The multi-outlet case: each AllSides story's summary (as many sentences as a brief gives a story of that many
/// articles) scored with ROUGE against the neutral roundup, beside, in the same run, the earlier engine (MMR across
/// the articles, no lead or outlet preference), the lead article alone (the engine on the article our summary opens
/// with) and that article's first sentences; plus how many of the story's outlets each summary quotes and cites.
/// </summary>
public sealed class MultiOutletEvaluation
{
    public RougeTally Ours { get; } = new("multi-outlet (ours)");
    public RougeTally Before { get; } = new("across articles (before)");
    public RougeTally LeadArticle { get; } = new("lead article alone");
    public RougeTally LeadSentences { get; } = new("lead article, Lead-N");
    public int Stories { get; private set; }
    public double OursQuoted { get; private set; }
    public double OursCited { get; private set; }
    public double BeforeQuoted { get; private set; }
    /// <summary>Share of our sentences that cite more than one article (the same fact in another outlet's words).</summary>
    public double OursMultiCited { get; private set; }

    /// <param name="sentences">Sentences per summary; null gives each story what a brief gives it (4 for 2 articles, 5 for 3).</param>
    public static MultiOutletEvaluation Run(IEnumerable<AllSidesStory> stories, ExtractiveOptions options, int? sentences = null)
    {
        var ours = new ExtractiveSummariser(options with { MultiOutlet = true });
        var before = new ExtractiveSummariser(options with { MultiOutlet = false });
        var summariser = new ExtractiveStorySummariser(ours);
        var e = new MultiOutletEvaluation();
        foreach (var story in stories)
        {
            var count = sentences ?? summariser.SentencesFor(story.Articles.Count);
            var picked = ours.Summarise(story.Articles, count);
            if (picked.Count == 0) continue;
            var old = before.Summarise(story.Articles, count);
            var lead = story.Articles[picked[0].DocumentIndex];
            e.Ours.Add(story.Reference, Lines(picked));
            e.Before.Add(story.Reference, Lines(old));
            e.LeadArticle.Add(story.Reference, Lines(ours.Summarise([lead], count)));
            e.LeadSentences.Add(story.Reference, string.Join('\n', SentenceSplitter.Split(lead.Text).Take(count)));
            var outlets = (double)story.Articles.Count;
            e.OursQuoted += picked.Select(p => p.DocumentIndex).Distinct().Count() / outlets;
            e.OursCited += picked.SelectMany(p => p.AlsoIn.Append(p.DocumentIndex)).Distinct().Count() / outlets;
            e.BeforeQuoted += old.Select(p => p.DocumentIndex).Distinct().Count() / outlets;
            e.OursMultiCited += picked.Count(p => p.AlsoIn.Count > 0) / (double)picked.Count;
            e.Stories++;
        }
        if (e.Stories > 0)
        {
            e.OursQuoted /= e.Stories;
            e.OursCited /= e.Stories;
            e.BeforeQuoted /= e.Stories;
            e.OursMultiCited /= e.Stories;
        }
        return e;
    }

    public void Print()
    {
        RougeTally.Print([Ours, Before, LeadArticle, LeadSentences]);
        Console.WriteLine($"\noutlets per story quoted: ours {OursQuoted:P1} (cited, near-duplicates included: {OursCited:P1}), before {BeforeQuoted:P1}, lead article alone: one outlet; "
            + $"our sentences citing 2+ articles: {OursMultiCited:P1}");
    }

    private static string Lines(IEnumerable<ExtractedSentence> picked) => string.Join('\n', picked.Select(p => p.Text));
}
