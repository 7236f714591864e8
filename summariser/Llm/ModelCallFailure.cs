using NewsBrief.Core.Net;
using System.ClientModel;
using System.Net;
using Microsoft.SemanticKernel;

namespace NewsBrief.Summariser.Llm;

/// <summary>Why one call to the model failed, reduced to what the retry loop and the user need to know.</summary>
public sealed record ModelCallFailure(ModelFailureKind Kind, HttpStatusCode? Status, TimeSpan? RetryAfter, string Detail)
{
    public bool Retryable => Kind is ModelFailureKind.Timeout or ModelFailureKind.RateLimited or ModelFailureKind.ServerError or ModelFailureKind.Network;

    /// <summary>Classifies an exception from the kernel; null only when the caller cancelled (not a model failure).</summary>
    public static ModelCallFailure? From(Exception exception, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested) return null;
        if (exception is HttpOperationException { StatusCode: { } status } http)
        {
            var code = (int)status;
            var retryAfter = RetryAfterOf(http);
            if (status == HttpStatusCode.TooManyRequests) return new(ModelFailureKind.RateLimited, status, retryAfter, "429 rate limited");
            if (code >= 500) return new(ModelFailureKind.ServerError, status, retryAfter, $"model endpoint failed with {code} {status}");
            return new(ModelFailureKind.Rejected, status, null, $"model endpoint refused the request with {code} {status}");
        }
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or OperationCanceledException) return new(ModelFailureKind.Timeout, null, null, "timed out");
            if (e is HttpRequestException net) return new(ModelFailureKind.Network, null, null, $"could not reach the model endpoint: {net.Message}");
        }
        // anything else (a reply the SDK cannot read, a template error) still only costs this story its model summary
        return new(ModelFailureKind.Unexpected, null, null, $"model call failed: {exception.GetType().Name}: {exception.Message}");
    }

    private static TimeSpan? RetryAfterOf(Exception exception)
    {
        var response = (exception.InnerException as ClientResultException)?.GetRawResponse();
        if (response is null || !response.Headers.TryGetValue("Retry-After", out var value) || value is null) return null;
        return RetryAfterParser.Parse(value, DateTimeOffset.UtcNow);
    }
}

/// <summary>The failures the summariser distinguishes.</summary>
public enum ModelFailureKind { Timeout, RateLimited, ServerError, Network, Rejected, Unexpected }

/// <summary>Back-off between model retries: Retry-After when the server sent one, else exponential from a base.</summary>
public static class RetryDelay
{
    /// <summary>Delay before retry number <paramref name="retry"/> (1-based).</summary>
    public static TimeSpan For(int retry, TimeSpan baseDelay, TimeSpan? retryAfter) =>
        retryAfter is { } ra && ra >= TimeSpan.Zero ? ra : baseDelay * Math.Pow(2, Math.Max(0, retry - 1));
}
