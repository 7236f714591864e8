using System.Web;

namespace NewsBrief.Summariser.Llm;

/// <summary>
/// Adapts the OpenAI connector's requests to Azure OpenAI's deployment form: adds <c>api-version</c> to the query
/// and moves the key from <c>Authorization: Bearer</c> to the <c>api-key</c> header Azure expects.
/// </summary>
/// <remarks>
/// Why not the Azure connector: it pulls Azure.AI.OpenAI 2.9.0-beta.1, whose Azure.Core dependency is not
/// served here (NU1603). The deployment endpoint ({resource}/openai/deployments/{deployment}) plus this handler
/// speaks the same wire protocol with the packages we already have.
/// </remarks>
public sealed class AzureDeploymentHandler(string apiVersion) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            var query = HttpUtility.ParseQueryString(uri.Query);
            if (query["api-version"] is null) query["api-version"] = apiVersion;
            request.RequestUri = new UriBuilder(uri) { Query = query.ToString() }.Uri;
        }
        if (request.Headers.Authorization is { Scheme: "Bearer", Parameter: { Length: > 0 } key } && !string.IsNullOrWhiteSpace(key))
        {
            request.Headers.Authorization = null;
            request.Headers.TryAddWithoutValidation("api-key", key.Trim());
        }
        return base.SendAsync(request, cancellationToken);
    }
}
