using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBrief.Bot.Chat;
using NewsBrief.Bot.ChatCommands;
using NewsBrief.Core.Chat;

namespace NewsBrief.Bot.Hosting;

/// <summary>
/// The console chat: with no chat platform configured, <c>newsbrief run</c> reads commands like
/// <c>/brief topic:AI</c> from standard input and prints the replies. Ends quietly when input closes.
/// </summary>
public sealed class ConsoleChatService(ChatCommandHandler handler, ConsoleStreams streams, ILogger<ConsoleChatService> logger) : BackgroundService
{
    private static readonly ChatUser ConsoleUser = new("console", Environment.UserName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting before blocking on input
        while (!stoppingToken.IsCancellationRequested)
        {
            string? line;
            try { line = await streams.In.ReadLineAsync(stoppingToken); }
            catch (OperationCanceledException) { return; }
            if (line is null) return;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var command = ConsoleCommandParser.Parse(line, ConsoleUser, out var error);
                var reply = command is null
                    ? ChatReply.Error(error ?? "commands start with '/', e.g. /brief or /help")
                    : await handler.HandleAsync(command, stoppingToken);
                await streams.Out.WriteLineAsync(ConsoleReplyRenderer.Render(reply));
                await streams.Out.FlushAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "console command failed: {Line}", line);
            }
        }
    }
}

/// <summary>The console's input and output, injectable so tests can type commands.</summary>
public sealed record ConsoleStreams(TextReader In, TextWriter Out);
