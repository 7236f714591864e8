using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using NewsBrief.Benchmarks;
using NewsBrief.Scrapers.Extraction;
using NewsBrief.Scrapers.Extraction.Evaluation;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Extraction;

/// <summary>
/// Extraction quality on a fast subset of each evaluation set (every Nth page, so every publisher mix is sampled),
/// loaded and scored exactly as the `extraction` benchmark does. Each floor sits just under the figure measured on
/// the same pages with the default engine, so a change that lowers quality fails here rather than in the README.
/// </summary>
public sealed partial class ExtractionQualityFloorTests
{
    // Measured on these subsets with the default engine (whole-set figures in the README: 0.963, 0.924, 0.981).
    private const double AebFloor = 0.955;          // measured 0.9617 (P 0.929, R 0.997) on 19 pages
    private const double FundusFloor = 0.915;       // measured 0.9208 (P 0.876, R 0.971) on 30 pages
    private const double ReadabilityFloor = 0.980;  // measured 0.9850 (P 0.992, R 0.978) on 33 pages

    private static readonly ConcurrentDictionary<string, Lazy<List<(ExtractionCase Case, ExtractedArticle Article)>>> Extracted = new();

    /// <summary>The subset of a set, each page extracted once for all the tests here.</summary>
    private static List<(ExtractionCase Case, ExtractedArticle Article)> Subset(string set) => Extracted.GetOrAdd(set, name => new(() =>
    {
        var (cases, every) = name switch
        {
            "aeb" => (ExtractionCorpus.Aeb(SharedData.Root!), 5),
            "fundus" => (ExtractionCorpus.Fundus(SharedData.Root!), 5),
            _ => (ExtractionCorpus.Readability(SharedData.Root!), 4),
        };
        return cases.Where((_, i) => i % every == 0).Select(c => (c, ArticleExtractor.Extract(c.Html, c.Url))).ToList();
    })).Value;

    private static ShingleScorer.Summary Score(string set) =>
        ShingleScorer.Summarise(Subset(set).Select(p => ShingleScorer.Score(p.Case.ExpectedBody, p.Article.Text)).ToList());

    [SharedDataFact]
    public void Aeb_EveryFifthPage_KeepsBodyShingleF1AtTheMeasuredFigure()
    {
        var cases = Subset("aeb");
        var summary = Score("aeb");

        Assert.True(cases.Count >= 19, $"expected at least 19 aeb pages, found {cases.Count}");
        Assert.True(summary.F1 >= AebFloor, $"aeb shingle F1 {summary.F1:F4} (P {summary.Precision:F3}, R {summary.Recall:F3}) on {cases.Count} pages fell below {AebFloor}");
    }

    [SharedDataFact]
    public void Fundus_EveryFifthPage_KeepsBodyShingleF1AtTheMeasuredFigure()
    {
        var cases = Subset("fundus");
        var summary = Score("fundus");

        Assert.True(cases.Count >= 30, $"expected at least 30 fundus pages, found {cases.Count}");
        Assert.True(summary.F1 >= FundusFloor, $"fundus shingle F1 {summary.F1:F4} (P {summary.Precision:F3}, R {summary.Recall:F3}) on {cases.Count} pages fell below {FundusFloor}");
    }

    [SharedDataFact]
    public void Readability_EveryFourthPage_KeepsBodyShingleF1AtTheMeasuredFigure()
    {
        var cases = Subset("readability");
        var summary = Score("readability");

        Assert.True(cases.Count >= 30, $"expected at least 30 readability pages, found {cases.Count}");
        Assert.True(summary.F1 >= ReadabilityFloor, $"readability shingle F1 {summary.F1:F4} (P {summary.Precision:F3}, R {summary.Recall:F3}) on {cases.Count} pages fell below {ReadabilityFloor}");
    }

    // Metadata agreement floors: one page under the measured count of pages that agree, out of those stating the field.
    // Measured: fundus title 23/30, author 25/29, date 27/30; readability title 26/33, author 13/19, date 8/11.
    [SharedDataTheory]
    [InlineData("fundus", "title", 22)]
    [InlineData("fundus", "author", 24)]
    [InlineData("fundus", "date", 26)]
    [InlineData("readability", "title", 25)]
    [InlineData("readability", "author", 12)]
    [InlineData("readability", "date", 7)]
    public void Metadata_OnTheSubset_AgreesWithTheReferenceAtTheMeasuredCount(string set, string field, int floor)
    {
        var stated = 0;
        var agree = 0;
        var misses = new List<string>();
        foreach (var (c, article) in Subset(set))
        {
            var (expected, actual, same) = Field(field, c, article);
            if (expected is null) continue;
            stated++;
            if (same) agree++;
            else misses.Add($"{c.Id}: expected [{expected}] got [{actual}]");
        }

        Assert.True(agree >= floor, $"{set} {field}: {agree} of {stated} agree, below the floor of {floor}; misses:\n{string.Join('\n', misses)}");
    }

    /// <summary>The benchmark's rules: exact text after whitespace normalisation; dates the same UTC instant to the second.</summary>
    private static (string? Expected, string? Actual, bool Same) Field(string field, ExtractionCase c, ExtractedArticle e) => field switch
    {
        "title" => (c.ExpectedTitle, e.Title, Normalise(c.ExpectedTitle) == Normalise(e.Title)),
        "author" => (c.ExpectedAuthor, e.Byline, Normalise(c.ExpectedAuthor) == Normalise(e.Byline)),
        _ => (c.ExpectedDate?.ToString("O"), e.Published?.ToString("O"), c.ExpectedDate?.ToUnixTimeSeconds() == e.Published?.ToUnixTimeSeconds()),
    };

    private static string Normalise(string? s) => s is null ? "" : Spaces().Replace(s, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
