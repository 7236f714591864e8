using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsBrief.Core.Chat;

namespace NewsBrief.Discord;

/// <summary>
/// Answers one interaction: autocomplete choices; permission and per-user rate-limit refusals (private);
/// slow commands deferred at once then filled in with PATCH @original and followups; fast ones answered directly;
/// a handler failure shown privately as an error.
/// </summary>
public sealed class InteractionResponder
{
    private const int DeferredMessage = 5, ChannelMessage = 4, AutocompleteResult = 8;
    private readonly DiscordRestClient _rest;
    private readonly DiscordOptions _options;
    private readonly Func<ChatCommand, CancellationToken, Task<ChatReply>> _handler;
    private readonly Func<string, string, string, IReadOnlyList<string>> _autocomplete;
    private readonly TimeProvider _time;
    private readonly UserRateLimiter _limiter;
    private readonly ILogger _logger;

    public InteractionResponder(DiscordRestClient rest, DiscordOptions options, Func<ChatCommand, CancellationToken, Task<ChatReply>> handler,
        Func<string, string, string, IReadOnlyList<string>> autocomplete, TimeProvider time, ILogger<InteractionResponder>? logger = null)
    {
        _rest = rest;
        _options = options;
        _handler = handler;
        _autocomplete = autocomplete;
        _time = time;
        _limiter = new UserRateLimiter(options.UserRateLimit, options.UserRateWindow, time);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public async Task HandleAsync(JsonNode payload, CancellationToken ct)
    {
        var interaction = DiscordInteraction.Parse(payload);
        if (interaction.Type == DiscordInteraction.Autocomplete)
        {
            await RespondAutocompleteAsync(interaction, ct);
            return;
        }
        if (interaction.Type != DiscordInteraction.ApplicationCommand) return;

        var label = "/" + interaction.Name + (interaction.Subcommand is null ? "" : " " + interaction.Subcommand);
        var isAdmin = interaction.IsAdmin(_options.AdminRoleIds);
        if (SlashCommandCatalog.NeedsAdmin(interaction.Name, interaction.Subcommand) && !isAdmin)
        {
            await RespondNowAsync(interaction, ChatReply.Error(
                $"{label} is for server admins: it needs the Manage Server permission or one of the bot's admin roles (Discord:AdminRoleIds)."), ct);
            return;
        }
        if (SlashCommandCatalog.IsRateLimited(interaction.Name) && _limiter.TryAcquire(interaction.User.Id) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            var at = (_time.GetUtcNow() + wait).ToUnixTimeSeconds();
            await RespondNowAsync(interaction, ChatReply.Error(
                $"You can use {label} {_options.UserRateLimit} times per {_options.UserRateWindow.TotalSeconds:0} s; try again in {seconds} s (<t:{at}:R>)."), ct);
            return;
        }

        var personal = SlashCommandCatalog.IsPersonal(interaction.Name);
        var slow = SlashCommandCatalog.IsSlow(interaction.Name, interaction.Subcommand);
        if (slow)
        {
            object defer = personal
                ? new { type = DeferredMessage, data = new { flags = DiscordMessagePayload.EphemeralFlag } }
                : new { type = DeferredMessage };
            await _rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, defer, ct);
        }
        var reply = await RunHandlerAsync(interaction.ToCommand(isAdmin), label, ct);
        var ephemeral = personal || reply.Ephemeral || reply.IsError;
        var messages = DiscordReplyRenderer.Render(reply, ephemeral);
        if (!slow) await RespondNowAsync(interaction, messages, ct);
        else if (personal || !ephemeral) await EditThenFollowAsync(interaction, messages, ct);
        else
        {
            // the public "thinking" message cannot turn private: remove it and answer privately instead
            await _rest.DeleteOriginalResponseAsync(interaction.ApplicationId, interaction.Token, ct);
            foreach (var message in messages) await _rest.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, message, ct);
        }
    }

    private async Task<ChatReply> RunHandlerAsync(ChatCommand command, string label, CancellationToken ct)
    {
        try { return await _handler(command, ct); }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _logger.LogError("Chat command {Command} failed: {Error}", label, _rest.Redactor.Redact(e.ToString()));
            return ChatReply.Error($"Sorry, {label} failed: {_rest.Redactor.Redact(e.Message)}");
        }
    }

    private Task RespondNowAsync(DiscordInteraction interaction, ChatReply reply, CancellationToken ct) =>
        RespondNowAsync(interaction, DiscordReplyRenderer.Render(reply, reply.Ephemeral || reply.IsError), ct);

    private async Task RespondNowAsync(DiscordInteraction interaction, IReadOnlyList<DiscordMessagePayload> messages, CancellationToken ct)
    {
        await _rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, new { type = ChannelMessage, data = messages[0] }, ct);
        foreach (var message in messages.Skip(1)) await _rest.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, message, ct);
    }

    private async Task EditThenFollowAsync(DiscordInteraction interaction, IReadOnlyList<DiscordMessagePayload> messages, CancellationToken ct)
    {
        // an edit cannot change flags; the deferral already chose public or private
        await _rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, messages[0] with { Flags = null }, ct);
        foreach (var message in messages.Skip(1)) await _rest.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, message, ct);
    }

    private async Task RespondAutocompleteAsync(DiscordInteraction interaction, CancellationToken ct)
    {
        IReadOnlyList<string> suggestions;
        try { suggestions = interaction.FocusedOption is { } option ? _autocomplete(interaction.Name, option, interaction.FocusedValue) : []; }
        catch (Exception e)
        {
            _logger.LogWarning("Autocomplete for /{Command} failed: {Error}", interaction.Name, _rest.Redactor.Redact(e.Message));
            suggestions = [];
        }
        var choices = suggestions.Where(s => s.Length > 0).Distinct().Take(25)
            .Select(s => { var v = s.Length > 100 ? s[..100] : s; return new { name = v, value = v }; }).ToArray();
        await _rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token,
            new { type = AutocompleteResult, data = new { choices } }, ct);
    }
}
