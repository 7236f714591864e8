using NewsBrief.Core.Configuration;
using NewsBrief.Core.Domain;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Sources;

/// <summary>What adding or removing a source did: the source, or a message saying why not.</summary>
public sealed record SourceEdit(bool Ok, string Message, Source? Source = null, int Items = 0, bool BadInput = false);

/// <summary>
/// Adds a source found from a URL (feed autodiscovery) to sources.json, or removes one, and reloads the
/// registry. Shared by the CLI and the chat commands.
/// </summary>
public sealed class SourceEditor(SourceRegistry registry, HttpFetcher fetcher)
{
    public async Task<SourceEdit> AddAsync(string urlText, string? id, string? name, IReadOnlyList<string> topics, CancellationToken ct)
    {
        if (!Uri.TryCreate(urlText.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return new SourceEdit(false, $"'{urlText}' is not an absolute http(s) URL", BadInput: true);
        var (found, error) = await new FeedFinder(fetcher).FindAsync(url, ct);
        if (found is null) return new SourceEdit(false, error!);
        var existing = registry.Current;
        if (existing.FirstOrDefault(s => s.Url == found.Url) is { } same)
            return new SourceEdit(false, $"{found.Url} is already configured as '{same.Id}'", BadInput: true);
        var source = new Source
        {
            Id = id ?? SourceIds.From(found.Url, existing.Select(s => s.Id)),
            Name = name ?? (string.IsNullOrWhiteSpace(found.Title) ? found.Url.Host : found.Title.Trim()),
            Url = found.Url,
            Topics = topics,
        };
        try
        {
            SourceCatalogFile.Add(registry.FilePath, source);
        }
        catch (ConfigurationException e)
        {
            return new SourceEdit(false, $"the source cannot be added: {e.Reason} ({e.Key})", BadInput: true);
        }
        registry.Reload();
        return new SourceEdit(true, $"added '{source.Id}' ({source.Name}): {source.Url.AbsoluteUri}, {Counted.Of(found.Items, "item")} now", source, found.Items);
    }

    public SourceEdit Remove(string id)
    {
        if (!SourceCatalogFile.Remove(registry.FilePath, id))
            return new SourceEdit(false, $"no source has the id '{id}'", BadInput: true);
        registry.Reload();
        return new SourceEdit(true, $"removed '{id}' (its stored articles stay)");
    }
}
