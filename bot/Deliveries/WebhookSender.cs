using NewsBrief.Core.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Deliveries;

/// <summary>
/// POSTs a delivery as JSON to a webhook URL: <c>{"kind","idempotencyKey","text","content"}</c>, with
/// an <c>Idempotency-Key</c> header so a receiver can drop a retry it already has. 2xx is sent; 4xx
/// (except 408 and 429) is permanent; 5xx, 408, 429 and timeouts are retried.
/// </summary>
public sealed class WebhookSender(HttpClient client, TimeSpan timeout, TimeProvider? time = null) : IDeliverySender
{
    public bool Handles(Destination destination) => destination.Kind == DestinationKind.Webhook;

    public async Task<SendResult> SendAsync(Delivery delivery, Destination destination, CancellationToken cancellationToken)
    {
        using var content = new StringContent(Body(delivery), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, destination.Target) { Content = content };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", delivery.IdempotencyKey);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return SendResult.Ok(response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.First() : $"http-{status}");
            var error = $"HTTP {status} {response.ReasonPhrase}";
            return status is >= 500 or 408 or 429
                ? new SendResult(SendOutcome.Retryable, Error: error, RetryAfter: RetryAfterParser.From(response.Headers, (time ?? TimeProvider.System).GetUtcNow()))
                : new SendResult(SendOutcome.Permanent, Error: error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(SendOutcome.Retryable, Error: $"timed out after {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new SendResult(SendOutcome.Retryable, Error: $"network error: {e.HttpRequestError}");
        }
    }

    private static string Body(Delivery delivery)
    {
        using var payload = JsonDocument.Parse(delivery.Payload);
        return JsonSerializer.Serialize(new { kind = delivery.Kind, idempotencyKey = delivery.IdempotencyKey, text = delivery.Text, content = payload.RootElement });
    }

    // Only the delta form: the date form would need the wall clock here.
}
