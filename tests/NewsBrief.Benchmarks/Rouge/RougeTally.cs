using NewsBrief.Summariser.Evaluation;

namespace NewsBrief.Benchmarks.Rouge;

/// <summary>Running means of per-document F1 for one system: R-1, R-2, R-Lsum, plain and stemmed.</summary>
public sealed class RougeTally(string system)
{
    private static readonly RougeScorer Plain = new(useStemmer: false);
    private static readonly RougeScorer Stemmed = new(useStemmer: true);
    private readonly double[] _sums = new double[6];

    public string System { get; } = system;
    public int Count { get; private set; }

    public void Add(string reference, string candidate)
    {
        var plain = Plain.Score(reference, candidate);
        var stemmed = Stemmed.Score(reference, candidate);
        double[] f1s = [plain.Rouge1.F1, plain.Rouge2.F1, plain.RougeLsum.F1, stemmed.Rouge1.F1, stemmed.Rouge2.F1, stemmed.RougeLsum.F1];
        for (var i = 0; i < 6; i++) _sums[i] += f1s[i];
        Count++;
    }

    /// <summary>Corpus figures ×100 in the order R1, R2, RLsum (plain), R1, R2, RLsum (stemmed).</summary>
    public double[] Means() => _sums.Select(s => Count == 0 ? 0 : 100 * s / Count).ToArray();

    public static void Print(IEnumerable<RougeTally> tallies)
    {
        Console.WriteLine($"| {"system",-22} | {"n",4} | {"R1",6} | {"R2",6} | {"RLsum",6} | {"R1 st",6} | {"R2 st",6} | {"RLs st",6} |");
        Console.WriteLine($"|{new string('-', 24)}|{new string('-', 6)}|--------|--------|--------|--------|--------|--------|");
        foreach (var t in tallies)
        {
            var m = t.Means();
            Console.WriteLine($"| {t.System,-22} | {t.Count,4} | {m[0],6:F2} | {m[1],6:F2} | {m[2],6:F2} | {m[3],6:F2} | {m[4],6:F2} | {m[5],6:F2} |");
        }
    }
}
