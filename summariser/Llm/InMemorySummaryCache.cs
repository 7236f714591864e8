using System.Collections.Concurrent;
using NewsBrief.Summariser.Briefing;

namespace NewsBrief.Summariser.Llm;

/// <summary>A process-lifetime <see cref="ISummaryCache"/> (tests, one-shot CLI runs).</summary>
public sealed class InMemorySummaryCache : ISummaryCache
{
    private readonly ConcurrentDictionary<string, StorySummary> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public Task<StorySummary?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_entries.TryGetValue(key, out var s) ? s : null);

    public Task SetAsync(string key, StorySummary summary, CancellationToken cancellationToken)
    {
        _entries[key] = summary;
        return Task.CompletedTask;
    }
}
