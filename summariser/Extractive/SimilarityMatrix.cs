namespace NewsBrief.Summariser.Extractive;

/// <summary>
/// The cosine of every pair of sentence vectors, computed only for pairs that share a term (through each
/// term's list of sentences); all other pairs are 0. Each product is summed in term order, as
/// <see cref="TermVector.Cosine"/> sums it, so the values are the same to the last bit.
/// </summary>
internal static class SimilarityMatrix
{
    public static double[,] Of(IReadOnlyList<TermVector> vectors, int termCount)
    {
        var n = vectors.Count;
        var similarity = new double[n, n];
        var postings = new List<(int Sentence, double Weight)>?[termCount];
        for (var i = 0; i < n; i++)
        {
            var terms = vectors[i].Terms;
            var weights = vectors[i].Weights;
            for (var k = 0; k < terms.Length; k++) (postings[terms[k]] ??= []).Add((i, weights[k]));
        }
        var sums = new double[n];
        var touched = new List<int>();
        var seen = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var terms = vectors[i].Terms;
            var weights = vectors[i].Weights;
            for (var k = 0; k < terms.Length; k++)
            {
                // Postings are in sentence order: the later sentences sharing this term follow i.
                var list = postings[terms[k]]!;
                var start = LaterThan(list, i);
                for (var p = start; p < list.Count; p++)
                {
                    var j = list[p].Sentence;
                    if (!seen[j])
                    {
                        seen[j] = true;
                        touched.Add(j);
                    }
                    sums[j] += weights[k] * list[p].Weight;
                }
            }
            foreach (var j in touched)
            {
                similarity[i, j] = similarity[j, i] = sums[j];
                sums[j] = 0;
                seen[j] = false;
            }
            touched.Clear();
        }
        return similarity;
    }

    private static int LaterThan(List<(int Sentence, double Weight)> list, int sentence)
    {
        int low = 0, high = list.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (list[mid].Sentence <= sentence) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
