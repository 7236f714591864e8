using Microsoft.SemanticKernel;

namespace NewsBrief.Summariser.Llm;

/// <summary>Builds the one Semantic Kernel <see cref="Kernel"/> of the configured model provider.</summary>
public static class SummariserKernelFactory
{
    /// <summary>
    /// A kernel with one chat completion service for <paramref name="options"/> (checked by <see cref="SummariserOptionsValidator"/> here too, for callers outside the host; throws
    /// <see cref="ArgumentException"/> naming the key). <paramref name="transport"/> replaces the socket handler
    /// (tests, proxies). The HttpClient's Timeout is Summariser:Timeout: SK sets no retries and no other timeout
    /// whenever it is given an HttpClient, so <see cref="LlmStorySummariser"/> does the retrying.
    /// </summary>
    public static Kernel Create(SummariserOptions options, HttpMessageHandler? transport = null)
    {
        var errors = SummariserOptionsValidator.Failures(options);
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(options));
        if (!options.UsesModel) throw new ArgumentException("Summariser:Provider is extractive: there is no model kernel to build", nameof(options));

        var provider = options.Provider.ToLowerInvariant();
        var builder = Kernel.CreateBuilder();
        switch (provider)
        {
            case SummariserProviders.OpenAi:
                var client = CreateHttpClient(options, transport);
                if (string.IsNullOrWhiteSpace(options.Endpoint))
                    builder.AddOpenAIChatCompletion(options.Model!, options.ApiKey!, httpClient: client);
                else
                    builder.AddOpenAIChatCompletion(options.Model!, new Uri(options.Endpoint), options.ApiKey, httpClient: client);
                break;
            case SummariserProviders.AzureOpenAi:
                var azure = CreateHttpClient(options, transport, new AzureDeploymentHandler(options.AzureApiVersion));
                builder.AddOpenAIChatCompletion(options.Model!, AzureDeploymentEndpoint(options), options.ApiKey, httpClient: azure);
                break;
            default:
                builder.AddOpenAIChatCompletion(options.Model!, new Uri(options.Endpoint!), options.ApiKey, httpClient: CreateHttpClient(options, transport));
                break;
        }
        return builder.Build();
    }

    /// <summary>{resource}/openai/deployments/{deployment}: the connector appends /chat/completions.</summary>
    public static Uri AzureDeploymentEndpoint(SummariserOptions options) =>
        new($"{options.Endpoint!.TrimEnd('/')}/openai/deployments/{Uri.EscapeDataString(options.Model!)}");

    private static HttpClient CreateHttpClient(SummariserOptions options, HttpMessageHandler? transport, DelegatingHandler? outer = null)
    {
        HttpMessageHandler handler = new FinishReasonNormalisingHandler(
            new ResponseSizeLimitHandler(ResponseSizeLimitHandler.LimitFor(options), transport ?? new SocketsHttpHandler()));
        if (outer is not null)
        {
            outer.InnerHandler = handler;
            handler = outer;
        }
        return new HttpClient(handler) { Timeout = options.Timeout };
    }
}
