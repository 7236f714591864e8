using NewsBrief.Core.Configuration;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Sources;

/// <summary>
/// The sources in force: loaded from sources.json at start, reloaded after a chat command adds or
/// removes one, so the running service polls the new list without a restart.
/// </summary>
public sealed class SourceRegistry(string configDirectory, IReadOnlyList<Source> initial)
{
    private volatile IReadOnlyList<Source> _current = initial;

    public IReadOnlyList<Source> Current => _current;

    public string FilePath => Path.Combine(configDirectory, SourceCatalog.FileName);

    public Source? Find(string id) => _current.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The configured name of a source id (the id itself for a source no longer configured).</summary>
    public string NameOf(string id) => Find(id)?.Name ?? id;

    public void Reload() => _current = SourceCatalog.Load(FilePath);
}
