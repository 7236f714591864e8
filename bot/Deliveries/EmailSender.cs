using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Deliveries;

/// <summary>
/// Sends e-mail destinations through the configured SMTP server (MailKit): one multipart/alternative message per
/// delivery (HTML with inline styles and the citations as links, and plain text), its Message-ID derived from the
/// outbox key so a resend is recognisably the same message. A 5xx answer or a refused login is permanent;
/// 4xx answers and network failures are retried with the outbox's back-off.
/// </summary>
public sealed class EmailSender(SmtpOptions options) : IDeliverySender
{
    public bool Handles(Destination destination) => destination.Kind == DestinationKind.Email;

    public async Task<SendResult> SendAsync(Delivery delivery, Destination destination, CancellationToken cancellationToken)
    {
        var message = Compose(delivery, destination.Recipients, options);
        return await SendAsync(message, cancellationToken);
    }

    /// <summary>Builds the e-mail of one outbox row.</summary>
    public static MimeMessage Compose(Delivery delivery, IReadOnlyList<string> recipients, SmtpOptions options)
    {
        var outbox = OutboxMessage.From(delivery);
        var reply = outbox.ToReply();
        var title = outbox.Title();
        var from = MailboxAddress.Parse(options.From!);
        var message = new MimeMessage { Subject = title, Date = delivery.Created == default ? DateTimeOffset.UtcNow : delivery.Created };
        message.From.Add(from);
        foreach (var to in recipients) message.To.Add(MailboxAddress.Parse(to));
        message.MessageId = MessageId(delivery.IdempotencyKey, from.Domain);
        message.Headers.Add("X-NewsBrief-Kind", delivery.Kind);
        // Lets mail filters file briefs and alerts; auto-responders stay quiet.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = ReplyHtml.Text(reply, title), HtmlBody = ReplyHtml.Render(reply, title) }.ToMessageBody();
        return message;
    }

    /// <summary>A Message-ID (without brackets) that is the same for every send of one outbox row.</summary>
    public static string MessageId(string idempotencyKey, string domain) =>
        $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32]}@{(string.IsNullOrEmpty(domain) ? "newsbrief.invalid" : domain)}";

    /// <summary>Connects, logs in when a user is set, sends, disconnects; failures are sorted into permanent or retryable.</summary>
    public async Task<SendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(options.Timeout);
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.Host ?? "", options.Port, Security(options.Security), cts.Token);
            if (!string.IsNullOrEmpty(options.User)) await client.AuthenticateAsync(options.User, options.Password ?? "", cts.Token);
            await client.SendAsync(message, cts.Token);
            await client.DisconnectAsync(true, cts.Token);
            return SendResult.Ok(message.MessageId);
        }
        catch (AuthenticationException)
        {
            return new SendResult(SendOutcome.Permanent, Error: $"the SMTP server {options.Host} refused the login: check Smtp:User and Smtp:Password");
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            var error = $"the SMTP server {options.Host} answered {code} {e.Message.Trim()}{Rejected(e)}";
            return code >= 500 ? new SendResult(SendOutcome.Permanent, Error: error) : new SendResult(SendOutcome.Retryable, Error: error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(SendOutcome.Retryable, Error: $"the SMTP server {options.Host}:{options.Port} did not answer within {options.Timeout.TotalSeconds:0} s (Smtp:Host, Smtp:Port)");
        }
        catch (SslHandshakeException e)
        {
            return new SendResult(SendOutcome.Retryable, Error: $"TLS with {options.Host}:{options.Port} failed ({e.Message.Split('\n')[0]}); check Smtp:Security (starttls for 587, ssl for 465)");
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or NotSupportedException)
        {
            return new SendResult(SendOutcome.Retryable, Error: $"could not talk to the SMTP server {options.Host}:{options.Port} ({e.GetType().Name}: {e.Message.Split('\n')[0]}); check Smtp:Host, Smtp:Port and Smtp:Security");
        }
    }

    private static string Rejected(SmtpCommandException e) => e.ErrorCode switch
    {
        SmtpErrorCode.RecipientNotAccepted => $" (recipient {e.Mailbox} not accepted)",
        SmtpErrorCode.SenderNotAccepted => $" (sender {e.Mailbox} not accepted: check Smtp:From)",
        _ => "",
    };

    private static SecureSocketOptions Security(string security) => security switch
    {
        "ssl" => SecureSocketOptions.SslOnConnect,
        "none" => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
