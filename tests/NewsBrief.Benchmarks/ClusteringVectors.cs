using System.Diagnostics;
using NewsBrief.Scrapers.Dedup;

namespace NewsBrief.Benchmarks;

/// <summary>The AllSides articles with their sentence vectors attached, encoded once per text form and kept for the run.</summary>
public sealed class ClusteringVectors(SentenceEmbedder embedder)
{
    private readonly Dictionary<int, float[][]> _byLead = [];

    /// <summary>Seconds spent encoding, per lead length.</summary>
    public Dictionary<int, (int Texts, double Seconds)> Timings { get; } = [];

    /// <summary><paramref name="data"/> with each item's vector of title + first <paramref name="leadChars"/> characters of its lead.</summary>
    public ClusteringAllSides With(ClusteringAllSides all, int leadChars)
    {
        if (!_byLead.TryGetValue(leadChars, out var vectors))
        {
            var watch = Stopwatch.StartNew();
            _byLead[leadChars] = vectors = embedder.Encode(all.Items.Select(i => SentenceEmbedder.TextOf(i.Title, i.Text, leadChars)).ToList());
            Timings[leadChars] = (all.Items.Count, watch.Elapsed.TotalSeconds);
        }
        return all with { Items = all.Items.Select((item, i) => item with { Vector = vectors[i] }).ToList() };
    }
}
