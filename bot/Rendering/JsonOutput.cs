using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsBrief.Bot.Rendering;

/// <summary>The JSON settings of every command's <c>--format json</c> output: camelCase, readable, stable.</summary>
public static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The same settings on one line, for JSON-lines output.</summary>
    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };
}
