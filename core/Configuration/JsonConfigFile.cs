using System.Text.Json;

namespace NewsBrief.Core.Configuration;

/// <summary>Reads a JSON configuration file with comments and trailing commas allowed, keys matched case-insensitively.</summary>
internal static class JsonConfigFile
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static JsonDocument Read(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new ConfigurationException(name, "(file)", $"not found at {Path.GetFullPath(path)}");
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path), Options);
        }
        catch (JsonException e)
        {
            throw new ConfigurationException(name, "(file)", $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}");
        }
    }

    /// <summary>The array under <paramref name="rootKey"/> of the root object.</summary>
    public static JsonElement RootArray(JsonDocument doc, string file, string rootKey)
    {
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
            throw new ConfigurationException(file, "(root)", $"expected an object like {{\"{rootKey}\": [...]}}");
        if (!TryGet(doc.RootElement, rootKey, out var array) || array.ValueKind != JsonValueKind.Array)
            throw new ConfigurationException(file, rootKey, "missing, or not an array");
        return array;
    }

    public static bool TryGet(JsonElement obj, string key, out JsonElement value)
    {
        foreach (var p in obj.EnumerateObject())
            if (string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)) { value = p.Value; return true; }
        value = default;
        return false;
    }

    public static string? String(JsonElement obj, string file, string path, string key, bool required = false)
    {
        if (!TryGet(obj, key, out var v) || v.ValueKind == JsonValueKind.Null)
            return required ? throw new ConfigurationException(file, $"{path}.{key}", "is required") : null;
        if (v.ValueKind != JsonValueKind.String) throw new ConfigurationException(file, $"{path}.{key}", $"expected a string, found {v.ValueKind}");
        var s = v.GetString()!.Trim();
        if (required && s.Length == 0) throw new ConfigurationException(file, $"{path}.{key}", "is required and may not be empty");
        return s.Length == 0 ? null : s;
    }

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');
}
