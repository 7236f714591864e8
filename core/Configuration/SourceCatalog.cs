using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsBrief.Core.Domain;

namespace NewsBrief.Core.Configuration;

/// <summary>Loads and validates <c>sources.json</c>: <c>{"Sources": [...]}</c>.</summary>
public static partial class SourceCatalog
{
    public const string FileName = "sources.json";
    public static readonly TimeSpan MinimumPollInterval = TimeSpan.FromMinutes(1);

    public static IReadOnlyList<Source> Load(string path)
    {
        var file = Path.GetFileName(path);
        using var doc = JsonConfigFile.Read(path);
        var array = JsonConfigFile.RootArray(doc, file, "Sources");
        var sources = new List<Source>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var source = Read(element, file, $"Sources[{index}]");
            if (!ids.Add(source.Id)) throw new ConfigurationException(file, $"Sources[{index}].Id", $"'{source.Id}' is used by another source; ids must be unique");
            sources.Add(source);
            index++;
        }
        return sources;
    }

    private static Source Read(JsonElement e, string file, string path)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new ConfigurationException(file, path, "expected an object");
        var id = JsonConfigFile.String(e, file, path, "Id", required: true)!;
        if (!IdPattern().IsMatch(id)) throw new ConfigurationException(file, $"{path}.Id", $"'{id}' may hold only letters, digits, '-', '_' and '.' (at most 64)");
        var kindText = JsonConfigFile.String(e, file, path, "Kind") ?? "feed";
        var kind = kindText.ToLowerInvariant() switch
        {
            "feed" => SourceKind.Feed,
            "html" => SourceKind.Html,
            _ => throw new ConfigurationException(file, $"{path}.Kind", $"unknown source kind '{kindText}'; expected 'feed' or 'html'"),
        };
        var urlText = JsonConfigFile.String(e, file, path, "Url", required: true)!;
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new ConfigurationException(file, $"{path}.Url", $"'{urlText}' is not an absolute http(s) URL");
        return new Source
        {
            Id = id,
            Name = JsonConfigFile.String(e, file, path, "Name") ?? id,
            Kind = kind,
            Url = url,
            Topics = ReadTopics(e, file, path),
            PollInterval = ReadInterval(e, file, path),
            Selectors = kind == SourceKind.Html ? ReadSelectors(e, file, path) : null,
            Headers = SourceRequestSettings.ReadHeaders(e, file, path),
            Cookie = SourceRequestSettings.ReadValue(e, file, path, "Cookie"),
            UserAgent = SourceRequestSettings.ReadValue(e, file, path, "UserAgent"),
        };
    }

    private static IReadOnlyList<string> ReadTopics(JsonElement e, string file, string path)
    {
        if (!JsonConfigFile.TryGet(e, "Topics", out var topics) || topics.ValueKind == JsonValueKind.Null) return [];
        if (topics.ValueKind != JsonValueKind.Array || topics.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
            throw new ConfigurationException(file, $"{path}.Topics", "expected an array of strings");
        return topics.EnumerateArray().Select(t => t.GetString()!.Trim()).Where(t => t.Length > 0).ToList();
    }

    private static TimeSpan ReadInterval(JsonElement e, string file, string path)
    {
        var text = JsonConfigFile.String(e, file, path, "PollInterval");
        if (text is null) return TimeSpan.FromMinutes(15);
        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval))
            throw new ConfigurationException(file, $"{path}.PollInterval", $"'{text}' is not a time span like \"00:15:00\"");
        if (interval < MinimumPollInterval)
            throw new ConfigurationException(file, $"{path}.PollInterval", $"'{text}' is shorter than the minimum of {MinimumPollInterval}");
        return interval;
    }

    private static HtmlSelectors ReadSelectors(JsonElement e, string file, string path) => new(
        JsonConfigFile.String(e, file, path, "Item", required: true)!,
        JsonConfigFile.String(e, file, path, "Link", required: true)!,
        JsonConfigFile.String(e, file, path, "Title"),
        JsonConfigFile.String(e, file, path, "Date"),
        JsonConfigFile.String(e, file, path, "Summary"));

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}
