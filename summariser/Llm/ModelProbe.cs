using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace NewsBrief.Summariser.Llm;

/// <summary>
/// A one-token call to the configured model, for <c>newsbrief doctor</c>: null when the endpoint answers,
/// else the reason with the setting to check (Summariser:Endpoint, :ApiKey, :Model).
/// </summary>
public static class ModelProbe
{
    public static async Task<string?> CheckAsync(SummariserOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var kernel = SummariserKernelFactory.Create(options);
            var chat = kernel.GetRequiredService<IChatCompletionService>();
            await chat.GetChatMessageContentAsync(new ChatHistory("Answer with one word: OK."),
                new OpenAIPromptExecutionSettings { MaxTokens = 1 }, kernel, cancellationToken);
            return null;
        }
        catch (Exception e) when (ModelCallFailure.From(e, cancellationToken) is { } failure)
        {
            var hint = failure switch
            {
                { Status: System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden } => "check Summariser:ApiKey",
                { Status: System.Net.HttpStatusCode.NotFound } => "check Summariser:Model and Summariser:Endpoint",
                { Kind: ModelFailureKind.Network or ModelFailureKind.Timeout } => $"check Summariser:Endpoint ({options.Endpoint})",
                _ => "check the Summariser settings",
            };
            return $"{failure.Detail}; {hint}";
        }
    }
}
