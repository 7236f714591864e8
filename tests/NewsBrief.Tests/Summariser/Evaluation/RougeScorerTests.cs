using NewsBrief.Summariser.Evaluation;

namespace NewsBrief.Tests.Summariser.Evaluation;

// Cases and expected values are those of google-research rouge/rouge_scorer_test.py (ROUGE-1.5.5 ground truth).
// Argument order follows rouge-score: reference (target) first, candidate (prediction) second.
public sealed class RougeScorerTests
{
    private const string Target0 = "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L";
    private const string Prediction0 = "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi";
    private const string Target1 = "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN";
    private const string Prediction1 = "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed HqqLFXe,XPY,J XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD";

    private static readonly RougeScorer Plain = new(useStemmer: false);
    private static readonly RougeScorer Stemmed = new(useStemmer: true);

    private static void AssertScore(RougeScore actual, double precision, double recall, double f1, int places = 5)
    {
        Assert.Equal(precision, actual.Precision, places);
        Assert.Equal(recall, actual.Recall, places);
        Assert.Equal(f1, actual.F1, places);
    }

    [Fact]
    public void Rouge1_CountsUnigramOverlap() => AssertScore(Plain.RougeN("testing one two", "testing", 1), 1, 1.0 / 3, 0.5);

    [Fact]
    public void Rouge2_CountsBigramOverlap() => AssertScore(Plain.RougeN("testing one two", "testing one", 2), 1, 0.5, 2.0 / 3);

    [Fact]
    public void RougeL_OnConsecutiveMatch_UsesLongestCommonSubsequence() =>
        AssertScore(Plain.RougeL("testing one two", "testing one"), 1, 2.0 / 3, 0.8);

    [Fact]
    public void RougeL_OnNonConsecutiveMatch_UsesLongestCommonSubsequence() =>
        AssertScore(Plain.RougeL("testing one two", "testing two"), 1, 2.0 / 3, 0.8);

    [Fact]
    public void AllMeasures_OnEmptyCandidate_AreZero()
    {
        AssertScore(Plain.RougeN("testing one two", "", 1), 0, 0, 0);
        AssertScore(Plain.RougeN("testing one two", "", 2), 0, 0, 0);
        AssertScore(Plain.RougeL("testing one two", ""), 0, 0, 0);
        AssertScore(Plain.RougeLsum("testing one two", ""), 0, 0, 0);
    }

    [Fact]
    public void Rouge1_AgreesWithRouge155()
    {
        AssertScore(Plain.RougeN(Target0, Prediction0, 1), 0.68750, 0.40741, 0.51163);
        AssertScore(Plain.RougeN(Target1, Prediction1, 1), 0.65385, 0.40476, 0.50000);
    }

    [Fact]
    public void Rouge1_WithStemming_AgreesWithRouge155()
    {
        AssertScore(Stemmed.RougeN(Target0, Prediction0, 1), 0.68750, 0.40741, 0.51163);
        AssertScore(Stemmed.RougeN(Target1, Prediction1, 1), 0.69231, 0.42857, 0.52941);
    }

    [Fact]
    public void Rouge2_AgreesWithRouge155_WithAndWithoutStemming()
    {
        foreach (var scorer in new[] { Plain, Stemmed })
        {
            AssertScore(scorer.RougeN(Target0, Prediction0, 2), 0.53333, 0.30769, 0.39024);
            AssertScore(scorer.RougeN(Target1, Prediction1, 2), 0.48000, 0.29268, 0.36364);
        }
    }

    [Fact]
    public void RougeL_AgreesWithRouge155()
    {
        AssertScore(Plain.RougeL(Target0, Prediction0), 0.68750, 0.40741, 0.51163);
        AssertScore(Plain.RougeL(Target1, Prediction1), 0.65385, 0.40476, 0.50000);
    }

    [Fact]
    public void RougeLsum_UnionsTheLcsOfEachCandidateSentence() =>
        AssertScore(Plain.RougeLsum("w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5"), 0.4, 0.8, 0.5333, places: 3);

    [Theory]
    [InlineData("w1 w2 w3 w4 w5", "")]
    [InlineData("", "w1")]
    [InlineData("w1 w2 w3 w4 w5", "/")]
    public void RougeLsum_WhenEitherSideHasNoTokens_IsZero(string reference, string candidate) =>
        AssertScore(Plain.RougeLsum(reference, candidate), 0, 0, 0, places: 3);

    [Fact]
    public void UnionLcs_FollowsTheRougePaperExample()
    {
        string[] reference = ["1", "2", "3", "4", "5"];
        string[][] candidates = [["1", "2", "6", "7", "8"], ["1", "3", "8", "9", "5"]];
        Assert.Equal(["1", "2", "3", "5"], LongestCommonSubsequence.Union(reference, candidates));
    }

    [Fact]
    public void LcsIndices_PickTheSameSubsequenceAsRougeScore()
    {
        Assert.Equal([1, 2, 3], LongestCommonSubsequence.Indices(["1", "2", "3", "4", "5"], ["2", "5", "3", "4"]));
        Assert.Empty(LongestCommonSubsequence.Indices(["1", "2", "3", "4", "5"], ["8", "9"]));
    }

    [Fact]
    public void Tokenize_LowercasesAndSplitsOnEverythingOutsideLettersAndDigits() =>
        Assert.Equal(["the", "u", "s", "rate", "rose", "3", "5", "to", "1", "2bn"],
            RougeTokenizer.Tokenize("The U.S. rate rose 3.5% to $1.2bn!", stem: false));

    [Fact]
    public void Tokenize_WithStemming_StemsOnlyTokensLongerThanThreeCharacters() =>
        Assert.Equal(["ban", "was", "lie", "presidenti"], RougeTokenizer.Tokenize("bans was lies presidential", stem: true));

    [Fact]
    public void RougeN_WhenNIsNotPositive_ThrowsNamingN() =>
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Plain.RougeN("a", "a", 0)).ParamName);
}
