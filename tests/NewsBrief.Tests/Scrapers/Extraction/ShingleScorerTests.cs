using NewsBrief.Scrapers.Extraction.Evaluation;

namespace NewsBrief.Tests.Scrapers.Extraction;

public sealed class ShingleScorerTests
{
    [Fact]
    public void Score_OfIdenticalTexts_IsPerfectWhateverThePunctuation() =>
        Assert.Equal(new ShingleScorer.PageScore(1, 1), ShingleScorer.Score("one two, three four five.", "one two three four five"));

    [Fact]
    public void Score_CountsShinglesAsAMultiset()
    {
        // expected has shingles {a b c d, b c d e}; extracted repeats one of them: tp 2, fp 4 (the repeat and three new ones), fn 0
        var score = ShingleScorer.Score("a b c d e", "a b c d e a b c d");

        Assert.Equal(1.0, score.Recall);
        Assert.Equal(2.0 / 6, score.Precision, 6);
    }

    [Fact]
    public void Score_OfEmptyExtraction_HasZeroRecallAndZeroPrecision() =>
        Assert.Equal(new ShingleScorer.PageScore(0, 0), ShingleScorer.Score("a b c d e", ""));

    [Fact]
    public void Score_OfTwoEmptyTexts_IsPerfect() => Assert.Equal(new ShingleScorer.PageScore(1, 1), ShingleScorer.Score("", ""));

    [Fact]
    public void Tokenize_SplitsAsPythonWordCharactersDo()
    {
        // A combining acute accent (U+0301) is a word character to .NET's \w but not to Python's; superscript two is numeric to Python.
        Assert.Equal(["cafe", "x²", "snake_case", "日本語"], ShingleScorer.Tokenize("cafe\u0301 x² snake_case 日本語"));
    }

    [Fact]
    public void Summarise_AveragesPrecisionAndRecallBeforeTakingF1()
    {
        var summary = ShingleScorer.Summarise([new(1, 0.5), new(0.5, 1)]);

        Assert.Equal(0.75, summary.Precision);
        Assert.Equal(0.75, summary.Recall);
        Assert.Equal(0.75, summary.F1);
    }
}
