using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsBrief.Core.Chat;

namespace NewsBrief.Discord;

/// <summary>
/// The Discord chat adapter: runs the gateway, registers the slash commands after the first READY
/// (guild-scoped when Discord:GuildId is set), and sends every interaction to the command handler.
/// </summary>
public sealed class DiscordBot
{
    private readonly DiscordOptions _options;
    private readonly DiscordRestClient _rest;
    private readonly DiscordGatewayClient _gateway;
    private readonly InteractionResponder _responder;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _registering;

    public DiscordBot(DiscordOptions options, HttpClient http, Func<ChatCommand, CancellationToken, Task<ChatReply>> handler,
        Func<string, string, string, IReadOnlyList<string>> autocomplete, TimeProvider? time = null, ILoggerFactory? loggers = null,
        GatewaySettings? gateway = null, Random? random = null)
    {
        _options = options;
        time ??= TimeProvider.System;
        loggers ??= NullLoggerFactory.Instance;
        _logger = loggers.CreateLogger<DiscordBot>();
        _rest = new DiscordRestClient(http, options, time, loggers.CreateLogger<DiscordRestClient>());
        _responder = new InteractionResponder(_rest, options, handler, autocomplete, time, loggers.CreateLogger<InteractionResponder>());
        _gateway = new DiscordGatewayClient(_rest, options.Token, OnDispatchAsync, time, random ?? Random.Shared, gateway,
            loggers.CreateLogger<DiscordGatewayClient>());
    }

    /// <summary>The REST client, for posting scheduled briefs and alerts to channels (CreateMessageAsync, StartThreadAsync).</summary>
    public DiscordRestClient Rest => _rest;

    /// <summary>Completes once the slash commands are registered.</summary>
    public Task CommandsRegistered => _registered.Task;

    /// <summary>
    /// Runs until cancelled. Throws <see cref="DiscordGatewayException"/> with a clear message when Discord refuses
    /// the bot for good (bad token 4004, intents 4013/4014, sharding 4010/4011, version 4012).
    /// </summary>
    public Task RunAsync(CancellationToken ct) => _gateway.RunAsync(ct);

    private async Task OnDispatchAsync(string name, JsonNode? data, CancellationToken ct)
    {
        switch (name)
        {
            case "READY" when Interlocked.Exchange(ref _registering, 1) == 0:
                await RegisterCommandsAsync(ct);
                break;
            case "INTERACTION_CREATE" when data is not null:
                try { await _responder.HandleAsync(data, ct); }
                catch (Exception e)
                {
                    _logger.LogError("Discord interaction failed: {Error}", _rest.Redactor.Redact(e.Message));
                }
                break;
        }
    }

    private async Task RegisterCommandsAsync(CancellationToken ct)
    {
        var applicationId = _gateway.ApplicationId;
        if (applicationId is null)
        {
            _logger.LogError("Discord READY carried no application id; slash commands were not registered");
            _registered.TrySetException(new InvalidOperationException("READY carried no application id"));
            return;
        }
        try
        {
            await _rest.BulkOverwriteCommandsAsync(applicationId, _options.GuildId, SlashCommandCatalog.Definitions(), ct);
            _logger.LogInformation("Discord slash commands registered {Scope}", _options.GuildId is null ? "globally (may take up to an hour to appear)" : "on guild " + _options.GuildId);
            _registered.TrySetResult();
        }
        catch (Exception e)
        {
            Interlocked.Exchange(ref _registering, 0); // try again on the next READY
            _logger.LogError("Registering Discord slash commands failed: {Error}", _rest.Redactor.Redact(e.Message));
        }
    }
}
