using AngleSharp.Dom;

namespace NewsBrief.Scrapers.Extraction;

/// <summary>
/// The page's running text (paragraphs of sentences, not link lists) surveyed before anything is removed,
/// and how much of it a chosen body kept: the signal that our first pass is clearly enough.
/// </summary>
internal sealed class ParagraphCoverage
{
    // Shorter paragraphs are as often teasers, captions and footer notes as article text.
    private const int MinParagraph = 80;

    private readonly List<(IElement Paragraph, int Length)> paragraphs = [];

    /// <summary>Characters of running text on the page.</summary>
    public int Total { get; private set; }

    /// <summary>Surveys an untouched document: every paragraph long enough and mostly not links. Linear in the page.</summary>
    public static ParagraphCoverage Survey(IDocument document)
    {
        var coverage = new ParagraphCoverage();
        if (document.Body is null) return coverage;
        foreach (var p in document.Body.GetElementsByTagName("p"))
        {
            var length = p.TextContent.Length;
            if (length < MinParagraph || ContentScorer.LinkDensity(p) > 0.25) continue;
            coverage.paragraphs.Add((p, length));
            coverage.Total += length;
        }
        return coverage;
    }

    /// <summary>The share of running text still inside <paramref name="content"/> (0 when the page has none).</summary>
    public double KeptBy(IReadOnlyList<IElement> content)
    {
        if (Total == 0 || content.Count == 0) return 0;
        var chosen = content.ToHashSet();
        var kept = 0;
        foreach (var (paragraph, length) in paragraphs)
        {
            // A paragraph removed by the cleaners hangs in a detached subtree, so its walk never meets the content.
            for (var node = paragraph; node is not null; node = node.ParentElement)
                if (chosen.Contains(node)) { kept += length; break; }
        }
        return (double)kept / Total;
    }
}
