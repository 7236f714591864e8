using System.Text.Json;
using NewsBrief.Core.Storage;
using NewsBrief.Summariser.Briefing;

namespace NewsBrief.Summariser.Llm;

/// <summary>An <see cref="ISummaryCache"/> in the store (<see cref="SummaryCacheStore"/>: SQLite or PostgreSQL), summaries as JSON.</summary>
public sealed class StoredSummaryCache(SummaryCacheStore store, TimeProvider? time = null) : ISummaryCache
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<StorySummary?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var json = await store.GetAsync(key, cancellationToken);
        if (json is null) return null;
        try { return JsonSerializer.Deserialize<StorySummary>(json); }
        catch (JsonException) { return null; } // a row written by an older shape is a miss, not a failure
    }

    public Task SetAsync(string key, StorySummary summary, CancellationToken cancellationToken) =>
        store.SetAsync(key, JsonSerializer.Serialize(summary), _time.GetUtcNow(), cancellationToken);
}
