using System.Text.Json;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Deliveries;

/// <summary>
/// Writes deliveries for <c>console</c> to a writer: the text (a brief rendered from its document), or with <c>json</c> one JSON line per
/// alert (a digest is several lines). Flushes before reporting sent, so "sent" means written.
/// </summary>
public sealed class ConsoleSender(TextWriter output, bool json) : IDeliverySender
{
    public bool Handles(Destination destination) => destination.Kind == DestinationKind.Console;

    public async Task<SendResult> SendAsync(Delivery delivery, Destination destination, CancellationToken cancellationToken)
    {
        if (json) foreach (var line in JsonLines(delivery.Payload)) await output.WriteLineAsync(line);
        else await output.WriteLineAsync(Render(delivery));
        await output.FlushAsync(cancellationToken);
        return SendResult.Ok($"console:{delivery.Id}");
    }

    /// <summary>The console's text: a brief as the console chat shows <c>/brief</c>; any other row as its text.</summary>
    public static string Render(Delivery delivery)
    {
        var message = OutboxMessage.From(delivery);
        return message.IsBrief ? NewsBrief.Bot.Chat.ConsoleReplyRenderer.Render(message.ToReply()).TrimEnd() : delivery.Text;
    }

    /// <summary>An alert payload is one object; a digest's or a brief's is an array of them (or one document).</summary>
    private static IEnumerable<string> JsonLines(string payload)
    {
        using var doc = JsonDocument.Parse(payload);
        if (doc.RootElement.ValueKind != JsonValueKind.Array) return [doc.RootElement.GetRawText()];
        return doc.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList();
    }
}
