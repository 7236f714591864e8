using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Tests.Summariser.Extractive;

public sealed class SimilarityMatrixTests
{
    [Fact]
    public void Of_EqualsTheCosineOfEveryPair_ToTheLastBit()
    {
        var random = new Random(13);
        string[] vocabulary = ["minister", "summit", "trade", "tariff", "vote", "ban", "court", "ruling", "police", "budget", "tax", "rail", "strike", "union", "climate"];
        var sentences = Enumerable.Range(0, 120)
            .Select(_ => (IReadOnlyCollection<string>)Enumerable.Range(0, random.Next(1, 7)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToList())
            .ToList();
        var index = new TermIndex(sentences);
        var vectors = sentences.Select(s => TermVector.From(s, index)).ToList();

        var matrix = SimilarityMatrix.Of(vectors, index.Idf.Length);

        var zeros = 0;
        for (var i = 0; i < vectors.Count; i++)
        {
            Assert.Equal(0, matrix[i, i]);
            for (var j = 0; j < vectors.Count; j++)
            {
                if (i == j) continue;
                var expected = vectors[i].Cosine(vectors[j]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(matrix[i, j]));
                if (expected == 0) zeros++;
            }
        }
        Assert.True(zeros > 0, "the sample should hold pairs that share no term");
    }

    [Fact]
    public void Summarise_AStoryOverTheCandidateCap_PicksFromTheEarliestSentencesOfItsArticles()
    {
        // 60 articles of 20 sentences: 1,200 candidates, capped at 100 = the first sentence of each and the second of 40.
        var documents = Enumerable.Range(0, 60).Select(d => new SummaryDocument(d, $"Report {d}",
            string.Join(' ', Enumerable.Range(0, 20).Select(s => $"Sentence {s} of report {d} tells of the budget vote number {d * 100 + s} in parliament.")))).ToList();
        var engine = new ExtractiveSummariser(new ExtractiveOptions { MaxCandidates = 100 });

        var picked = engine.Summarise(documents, 10);

        Assert.Equal(10, picked.Count);
        Assert.All(picked, p => Assert.True(p.SentenceIndex <= 1, $"sentence {p.SentenceIndex} of article {p.DocumentIndex} is past the cap"));
        Assert.All(picked.Where(p => p.SentenceIndex == 1), p => Assert.True(p.DocumentIndex < 40));
    }
}
