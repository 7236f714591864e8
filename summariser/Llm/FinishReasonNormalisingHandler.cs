using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsBrief.Summariser.Llm;

/// <summary>
/// Rewrites a chat completion's <c>finish_reason</c> that the OpenAI SDK would throw on (null, "", "eos", anything
/// non-standard) to "stop". Local servers (llama.cpp, some vLLM builds) send such values; the SDK maintainers
/// declined to accept them. Only non-streaming JSON replies are touched; the summariser does not stream.
/// </summary>
public sealed class FinishReasonNormalisingHandler : DelegatingHandler
{
    private static readonly HashSet<string> Known = ["stop", "length", "tool_calls", "content_filter", "function_call"];

    public FinishReasonNormalisingHandler() { }

    public FinishReasonNormalisingHandler(HttpMessageHandler inner) : base(inner) { }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json") return response;

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var fixedBody = Normalise(body);
        var headers = response.Content.Headers.ToList();
        response.Content = new StringContent(fixedBody ?? body, Encoding.UTF8);
        foreach (var (name, values) in headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
            response.Content.Headers.TryAddWithoutValidation(name, values);
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return response;
    }

    /// <summary>The body with every unknown finish_reason set to "stop", or null when nothing needed changing.</summary>
    public static string? Normalise(string body)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(body); }
        catch (JsonException) { return null; }
        if (root?["choices"] is not JsonArray choices) return null;

        var changed = false;
        foreach (var choice in choices.OfType<JsonObject>())
        {
            if (!choice.TryGetPropertyValue("finish_reason", out var reason)) continue;
            var value = reason is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (value is not null && Known.Contains(value)) continue;
            choice["finish_reason"] = "stop";
            changed = true;
        }
        return changed ? root.ToJsonString() : null;
    }
}
