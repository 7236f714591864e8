using System.Text.Json;
using System.Text.Json.Nodes;
using NewsBrief.Core.Domain;

namespace NewsBrief.Core.Configuration;

/// <summary>
/// Adds and removes sources in <c>sources.json</c>, keeping every other entry as it was written
/// (comments are not kept: the file is written back as plain JSON). Validates by loading the result.
/// </summary>
public static class SourceCatalogFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Add(string path, Source source)
    {
        var (root, array) = Read(path);
        var entry = new JsonObject
        {
            ["Id"] = source.Id,
            ["Name"] = source.Name,
            ["Kind"] = source.Kind.ToString().ToLowerInvariant(),
            ["Url"] = source.Url.AbsoluteUri,
            ["Topics"] = new JsonArray(source.Topics.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            ["PollInterval"] = source.PollInterval.ToString(),
        };
        array.Add(entry);
        Write(path, root);
    }

    /// <summary>Removes the source with the id; false when there is none.</summary>
    public static bool Remove(string path, string id)
    {
        var (root, array) = Read(path);
        var match = array.OfType<JsonObject>().FirstOrDefault(o =>
            o.FirstOrDefault(p => string.Equals(p.Key, "Id", StringComparison.OrdinalIgnoreCase)).Value?.GetValue<string>() is { } v
            && string.Equals(v, id, StringComparison.OrdinalIgnoreCase));
        if (match is null) return false;
        array.Remove(match);
        Write(path, root);
        return true;
    }

    private static (JsonObject Root, JsonArray Sources) Read(string path)
    {
        SourceCatalog.Load(path); // the file must be valid before it is changed
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        var key = root.First(p => string.Equals(p.Key, "Sources", StringComparison.OrdinalIgnoreCase)).Key;
        return (root, root[key]!.AsArray());
    }

    private static void Write(string path, JsonObject root)
    {
        // Write beside, validate, then replace: a failure never leaves a broken sources.json.
        var temp = path + ".new";
        File.WriteAllText(temp, root.ToJsonString(Indented));
        try
        {
            SourceCatalog.Load(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
