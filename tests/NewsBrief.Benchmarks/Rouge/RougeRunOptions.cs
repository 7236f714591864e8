using System.Globalization;
using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Benchmarks.Rouge;

/// <summary>Command-line options of the <c>rouge</c> benchmark.</summary>
public sealed record RougeRunOptions(string? Input, int? Sentences, double? Ratio, int? Limit, string? Out, ExtractiveOptions Engine)
{
    /// <summary>Run only the multi-outlet AllSides evaluation (<c>--multi-outlet</c>).</summary>
    public bool MultiOutletOnly { get; init; }

    public static RougeRunOptions Parse(string[] args)
    {
        string? input = null, output = null;
        int? sentences = null, limit = null;
        double? ratio = null;
        var engine = ExtractiveOptions.Default;
        var multiOutletOnly = false;
        double? outletBonus = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--multi-outlet")
            {
                multiOutletOnly = true;
                continue;
            }
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--input": input = value; break;
                case "--out": output = value; break;
                case "--sentences": sentences = PositiveInt(args[i], value); break;
                case "--limit": limit = PositiveInt(args[i], value); break;
                case "--ratio":
                    ratio = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0 && r <= 1
                        ? r : throw new ArgumentException($"--ratio must be a number in (0, 1], got '{value}'");
                    break;
                case "--weights": engine = Weights(value); break;
                case "--outlet-bonus":
                    outletBonus = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var b) && b >= 0 && b <= 2
                        ? b : throw new ArgumentException($"--outlet-bonus must be a number in [0, 2], got '{value}'");
                    break;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
            i++;
        }
        if (sentences is not null && ratio is not null) throw new ArgumentException("give --sentences or --ratio, not both");
        if (input is not null && !File.Exists(input)) throw new ArgumentException($"--input file not found: {input}");
        if (input is not null && sentences is null && ratio is null) sentences = 3;
        if (outletBonus is { } bonus) engine = engine with { NewOutletBonus = bonus };
        return new RougeRunOptions(input, sentences, ratio, limit, output, engine) { MultiOutletOnly = multiOutletOnly };
    }

    // For tuning: centrality,position,decay,title,lambda (the engine's defaults otherwise).
    private static ExtractiveOptions Weights(string value)
    {
        var parts = value.Split(',');
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
        if (numbers.Length is < 5 or > 7 || numbers.Any(double.IsNaN))
            throw new ArgumentException($"--weights needs five numbers 'centrality,position,decay,title,lambda[,leadSentences[,maxLeadScale]]', got '{value}'");
        return new ExtractiveOptions
        {
            CentralityWeight = numbers[0], PositionWeight = numbers[1], PositionDecay = numbers[2], TitleWeight = numbers[3], Lambda = numbers[4],
            LeadSentences = numbers.Length >= 6 ? numbers[5] : ExtractiveOptions.Default.LeadSentences,
            MaxLeadScale = numbers.Length == 7 ? numbers[6] : ExtractiveOptions.Default.MaxLeadScale,
        };
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : throw new ArgumentException($"{name} must be a positive whole number, got '{value}'");
}
