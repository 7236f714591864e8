namespace NewsBrief.Scrapers.Dedup;

/// <summary>A unit-length tf-idf vector: term ids in ascending order with their weights.</summary>
internal sealed record SparseVector(int[] Terms, double[] Weights)
{
    public static readonly SparseVector Empty = new([], []);

    /// <summary>Cosine similarity, since both vectors are unit length.</summary>
    public double Dot(SparseVector other)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < Terms.Length && j < other.Terms.Length)
        {
            var c = Terms[i].CompareTo(other.Terms[j]);
            if (c == 0) sum += Weights[i++] * other.Weights[j++];
            else if (c < 0) i++;
            else j++;
        }
        return sum;
    }
}
