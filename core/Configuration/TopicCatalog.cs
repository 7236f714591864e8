using System.Text.Json;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;

namespace NewsBrief.Core.Configuration;

/// <summary>Loads and validates <c>topics.json</c>: <c>{"Topics": [{"Name", "Query"}]}</c>; every query must parse.</summary>
public static class TopicCatalog
{
    public const string FileName = "topics.json";

    public static IReadOnlyList<(Topic Topic, TopicQuery Query)> Load(string path)
    {
        var file = Path.GetFileName(path);
        using var doc = JsonConfigFile.Read(path);
        var array = JsonConfigFile.RootArray(doc, file, "Topics");
        var topics = new List<(Topic, TopicQuery)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var e in array.EnumerateArray())
        {
            var path0 = $"Topics[{index++}]";
            if (e.ValueKind != JsonValueKind.Object) throw new ConfigurationException(file, path0, "expected an object");
            var name = JsonConfigFile.String(e, file, path0, "Name", required: true)!;
            if (!names.Add(name)) throw new ConfigurationException(file, $"{path0}.Name", $"'{name}' is used by another topic; names must be unique");
            var text = JsonConfigFile.String(e, file, path0, "Query", required: true)!;
            try
            {
                topics.Add((new Topic(name, text), TopicQuery.Parse(text)));
            }
            catch (QueryParseException q)
            {
                throw new ConfigurationException(file, $"{path0}.Query", $"bad query \"{text}\": {q.Message}");
            }
        }
        return topics;
    }
}
