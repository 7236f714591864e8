using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsBrief.Core.Configuration;

/// <summary>
/// Reads and checks a source's <c>Headers</c>, <c>Cookie</c> and <c>UserAgent</c> (Miniflux parity): header names
/// must be HTTP tokens and not ones the fetcher owns, no value may hold a line break (header injection), each
/// <c>${ENV}</c> reference must name a set variable. Every failure names the key.
/// </summary>
public static partial class SourceRequestSettings
{
    public const int MaxHeaders = 32;
    public const int MaxValueLength = 8192;

    /// <summary>Set by the fetcher itself (or by their own keys); a source may not override them.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "Upgrade", "TE", "Trailer", "Keep-Alive", "Proxy-Authorization",
        "Proxy-Connection", "If-None-Match", "If-Modified-Since", "Accept-Encoding", "Cookie", "User-Agent",
    };

    public static IReadOnlyDictionary<string, string> ReadHeaders(JsonElement e, string file, string path)
    {
        if (!JsonConfigFile.TryGet(e, "Headers", out var headers) || headers.ValueKind == JsonValueKind.Null) return new Dictionary<string, string>();
        if (headers.ValueKind != JsonValueKind.Object) throw new ConfigurationException(file, $"{path}.Headers", "expected an object of header names and string values");
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers.EnumerateObject())
        {
            var key = $"{path}.Headers.{header.Name}";
            if (result.Count == MaxHeaders) throw new ConfigurationException(file, $"{path}.Headers", $"more than {MaxHeaders} headers");
            if (!Token().IsMatch(header.Name)) throw new ConfigurationException(file, key, $"'{header.Name}' is not a valid HTTP header name");
            if (Reserved.Contains(header.Name))
                throw new ConfigurationException(file, key, header.Name.ToLowerInvariant() switch
                {
                    "cookie" => "set the cookie with the source's \"Cookie\" key",
                    "user-agent" => "set the user agent with the source's \"UserAgent\" key",
                    _ => $"{header.Name} is set by the fetcher and cannot be overridden",
                });
            if (header.Value.ValueKind != JsonValueKind.String) throw new ConfigurationException(file, key, "expected a string");
            if (!result.TryAdd(header.Name, Checked(header.Value.GetString()!, file, key)))
                throw new ConfigurationException(file, key, "given twice");
        }
        return result;
    }

    /// <summary>An optional string value (Cookie, UserAgent), checked like a header value.</summary>
    public static string? ReadValue(JsonElement e, string file, string path, string name) =>
        JsonConfigFile.String(e, file, path, name) is { } value ? Checked(value, file, $"{path}.{name}") : null;

    private static string Checked(string value, string file, string key)
    {
        if (value.Length > MaxValueLength) throw new ConfigurationException(file, key, $"longer than {MaxValueLength} characters");
        if (HasBreak(value)) throw new ConfigurationException(file, key, "holds a line break or control character, which would inject headers");
        var expanded = EnvironmentReferences.Expand(value, out var missing);
        if (missing is not null) throw new ConfigurationException(file, key, $"refers to the environment variable {missing}, which is not set");
        // Only the variable's name is shown: its value is the secret.
        if (HasBreak(expanded)) throw new ConfigurationException(file, key, "an environment variable it refers to holds a line break or control character");
        return value;
    }

    private static bool HasBreak(string value) => value.Any(c => c is '\r' or '\n' or '\0' || (char.IsControl(c) && c != '\t'));

    [GeneratedRegex(@"^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$")]
    private static partial Regex Token();
}
