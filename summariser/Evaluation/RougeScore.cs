namespace NewsBrief.Summariser.Evaluation;

/// <summary>Precision, recall and F1 of one ROUGE measure on one document, each in [0, 1].</summary>
public readonly record struct RougeScore(double Precision, double Recall, double F1)
{
    public static RougeScore Zero { get; } = new(0, 0, 0);

    public static RougeScore From(double precision, double recall) =>
        new(precision, recall, precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0);
}

/// <summary>The three ROUGE measures papers report (R-1, R-2, R-Lsum) for one document.</summary>
public sealed record RougeTriple(RougeScore Rouge1, RougeScore Rouge2, RougeScore RougeLsum);
