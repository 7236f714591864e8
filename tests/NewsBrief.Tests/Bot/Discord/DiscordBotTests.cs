using System.Text.Json.Nodes;
using NewsBrief.Bot.Chat;
using NewsBrief.Tests.Bot.Discord.Fake;
using NewsBrief.Core.Chat;

namespace NewsBrief.Tests.Bot.Discord;

/// <summary>Acceptance tests: the real bot against a fake Discord (REST + gateway) on 127.0.0.1.</summary>
public sealed class DiscordBotTests
{
    private const int Ephemeral = 64;

    [Fact]
    public async Task Run_AfterReady_RegistersEveryCommandOnTheConfiguredGuild()
    {
        await using var h = BotHarness.Start();
        await h.ConnectAsync();
        var put = await h.Fake.WaitForRequestAsync(r => r.Method == "PUT");
        await h.Bot.CommandsRegistered.WaitAsync(FakeGatewaySession.Timeout);

        Assert.Equal($"/api/v10/applications/{FakeDiscord.ApplicationId}/guilds/{BotHarness.GuildId}/commands", put.Path);
        var commands = put.Body!.AsArray();
        Assert.Equal(["brief", "summary", "subscribe", "unsubscribe", "subscriptions", "sources", "schedule", "help"],
            commands.Select(c => c!["name"]!.GetValue<string>()));
        var topic = commands[0]!["options"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "topic")!;
        Assert.True(topic["autocomplete"]!.GetValue<bool>());
        var sources = commands.Single(c => c!["name"]!.GetValue<string>() == "sources")!["options"]!.AsArray();
        Assert.Equal(["list", "add", "remove", "check"], sources.Select(s => s!["name"]!.GetValue<string>()));
        Assert.All(sources, s => Assert.Equal(1, s!["type"]!.GetValue<int>()));
        Assert.Empty(h.Fake.Violations);
    }

    [Fact]
    public async Task Run_WithoutGuild_RegistersCommandsGlobally()
    {
        await using var h = BotHarness.Start(configure: o => o with { GuildId = null });
        await h.ConnectAsync();
        var put = await h.Fake.WaitForRequestAsync(r => r.Method == "PUT");
        Assert.Equal($"/api/v10/applications/{FakeDiscord.ApplicationId}/commands", put.Path);
    }

    [Fact]
    public async Task Brief_IsDeferredPubliclyThenAnsweredByEditingTheOriginalWithEmbeds()
    {
        await using var h = BotHarness.Start((command, _) => Task.FromResult(new ChatReply
        {
            Text = "Brief for " + command.Option("topic"),
            Embeds = [new ReplyEmbed("AI policy", "The EU agreed on rules [1].", Footer: "extractive")],
            Links = [new ReplyLink("EU deal", "https://example.org/eu")],
        }));
        var session = await h.ConnectAsync();
        await h.SendInteractionAsync(session, BotHarness.Interaction("901", "brief", options: [("topic", "AI"), ("since", "48h")]));

        var defer = await h.CallbackAsync("901");
        var edit = await h.EditOriginalAsync("901");

        Assert.Equal(5, defer.Body!["type"]!.GetValue<int>());
        Assert.Null(defer.Body["data"]?["flags"]);
        Assert.Equal("Brief for AI", edit.Body!["content"]!.GetValue<string>());
        var embeds = edit.Body["embeds"]!.AsArray();
        Assert.Equal("AI policy", embeds[0]!["title"]!.GetValue<string>());
        Assert.Equal("The EU agreed on rules \\[1\\].", embeds[0]!["description"]!.GetValue<string>());
        Assert.Contains("(<https://example.org/eu>)", embeds[1]!["description"]!.GetValue<string>());
        var command = Assert.Single(h.Commands);
        Assert.Equal(("brief", "48h", false), (command.Name, command.Option("since"), command.IsAdmin));
        Assert.Empty(h.Fake.Violations);
    }

    [Fact]
    public async Task Subscribe_WithABadQuery_IsDeferredPrivatelyAndShowsTheErrorOnlyToTheUser()
    {
        await using var h = BotHarness.Start((command, _) => Task.FromResult(
            ChatReply.Error($"Bad query '{command.Option("query")}': unbalanced parenthesis at position 1.")));
        var session = await h.ConnectAsync();
        await h.SendInteractionAsync(session, BotHarness.Interaction("902", "subscribe", options: [("query", "(tiktok")]));

        var defer = await h.CallbackAsync("902");
        var edit = await h.EditOriginalAsync("902");

        Assert.Equal(Ephemeral, defer.Body!["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("unbalanced parenthesis", edit.Body!["content"]!.GetValue<string>());
        Assert.Contains("\\(tiktok", edit.Body["content"]!.GetValue<string>());
        Assert.Empty(h.Fake.Violations);
    }

    [Fact]
    public async Task SourcesAdd_WithoutManageServerOrAdminRole_IsRefusedPrivatelyAndNeverReachesTheHandler()
    {
        await using var h = BotHarness.Start();
        var session = await h.ConnectAsync();
        await h.SendInteractionAsync(session, BotHarness.Interaction("903", "sources", "add", [("url", "https://example.org/feed")], permissions: "2048"));

        var answer = await h.CallbackAsync("903");

        Assert.Equal(4, answer.Body!["type"]!.GetValue<int>());
        Assert.Equal(Ephemeral, answer.Body["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("Manage Server", answer.Body["data"]!["content"]!.GetValue<string>());
        Assert.Empty(h.Commands);
        Assert.Empty(h.Fake.Violations);
    }

    [Theory]
    [InlineData("32", null)]       // MANAGE_GUILD
    [InlineData("8", null)]        // ADMINISTRATOR
    [InlineData("0", "555")]       // a configured admin role
    public async Task SourcesAdd_FromAnAdmin_ReachesTheHandlerMarkedAsAdmin(string permissions, string? role)
    {
        await using var h = BotHarness.Start();
        var session = await h.ConnectAsync();
        await h.SendInteractionAsync(session, BotHarness.Interaction("904", "sources", "add", [("url", "https://example.org/feed")],
            permissions: permissions, roles: role is null ? [] : [role]));

        await h.EditOriginalAsync("904"); // sources add is slow: deferred, then edited
        var command = Assert.Single(h.Commands);
        Assert.Equal(("sources", "add", "https://example.org/feed", true), (command.Name, command.Subcommand, command.Option("url"), command.IsAdmin));
    }

    [Fact]
    public async Task Brief_AskedAFourthTimeWithinAMinute_IsRefusedWithWhenToRetry()
    {
        await using var h = BotHarness.Start();
        var session = await h.ConnectAsync();
        foreach (var id in new[] { "911", "912", "913" })
        {
            await h.SendInteractionAsync(session, BotHarness.Interaction(id, "brief"));
            await h.EditOriginalAsync(id);
        }
        await h.SendInteractionAsync(session, BotHarness.Interaction("914", "brief"));

        var refusal = await h.CallbackAsync("914");

        Assert.Equal(4, refusal.Body!["type"]!.GetValue<int>());
        Assert.Equal(Ephemeral, refusal.Body["data"]!["flags"]!.GetValue<int>());
        Assert.Matches(@"try again in \d+ s", refusal.Body["data"]!["content"]!.GetValue<string>());
        Assert.Equal(3, h.Commands.Count);
    }

    [Fact]
    public async Task Autocomplete_OnTheTopicOption_AnswersWithChoices()
    {
        await using var h = BotHarness.Start();
        var session = await h.ConnectAsync();
        await h.SendInteractionAsync(session, BotHarness.Interaction("920", "brief", options: [("topic", "tik")], type: 4, focused: "topic"));

        var answer = await h.CallbackAsync("920");

        Assert.Equal(8, answer.Body!["type"]!.GetValue<int>());
        var choices = answer.Body["data"]!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToList();
        Assert.Equal(["brief:topic:tik", "TikTok bans", "AI policy"], choices);
        Assert.Empty(h.Commands);
    }

    [Fact]
    public async Task Help_IsAnsweredAtOncePrivately()
    {
        await using var h = BotHarness.Start((_, _) => Task.FromResult(ChatReply.Plain("/brief, /summary, ...")));
        var session = await h.ConnectAsync();
        await h.SendInteractionAsync(session, BotHarness.Interaction("921", "help"));

        var answer = await h.CallbackAsync("921");

        Assert.Equal((4, Ephemeral), (answer.Body!["type"]!.GetValue<int>(), answer.Body["data"]!["flags"]!.GetValue<int>()));
        Assert.Equal("/brief, /summary, ...", answer.Body["data"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Brief_WhenTheHandlerThrows_ReplacesTheThinkingMessageWithAPrivateErrorThatLeaksNoSecret()
    {
        await using var h = BotHarness.Start((_, _) => throw new InvalidOperationException($"LLM down; token was {FakeDiscord.Token}"));
        var session = await h.ConnectAsync();
        await h.SendInteractionAsync(session, BotHarness.Interaction("930", "brief"));

        await h.Fake.WaitForRequestAsync(r => r.Method == "DELETE" && r.Path.Contains("itoken-930"));
        var followup = await h.Fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path.EndsWith("/itoken-930-secretpart", StringComparison.Ordinal));

        Assert.Equal(Ephemeral, followup.Body!["flags"]!.GetValue<int>());
        var content = followup.Body["content"]!.GetValue<string>();
        Assert.Contains("/brief failed: LLM down", content);
        Assert.DoesNotContain(FakeDiscord.Token, content);
        Assert.Contains(h.Logs.Lines, l => l.Contains("LLM down", StringComparison.Ordinal));
        Assert.DoesNotContain(h.Logs.Lines, l => l.Contains(FakeDiscord.Token, StringComparison.Ordinal));
        Assert.Empty(h.Fake.Violations);
    }

    [Fact]
    public async Task Brief_LongerThan6000Characters_IsSplitAcrossMessagesWithinEveryLimit()
    {
        var sentences = Enumerable.Range(1, 400).Select(i => $"Story sentence number {i} ends here.");
        var longText = string.Join(' ', sentences); // about 14,000 characters
        await using var h = BotHarness.Start((_, _) => Task.FromResult(new ChatReply
        {
            Embeds = [new ReplyEmbed("Daily brief", longText), new ReplyEmbed("More", longText)],
        }));
        var session = await h.ConnectAsync();
        await h.SendInteractionAsync(session, BotHarness.Interaction("940", "brief"));

        await h.EditOriginalAsync("940");
        var expected = longText + " " + longText;
        await h.Fake.WaitUntilAsync(requests => string.Join(' ', Descriptions(Messages(requests, "940"))) == expected);
        var messages = Messages(h.Fake.Requests.ToList(), "940");

        Assert.True(messages.Count >= 3);
        var descriptions = new List<string>();
        foreach (var message in messages)
        {
            var embeds = message["embeds"]!.AsArray();
            Assert.InRange(embeds.Count, 1, 10);
            Assert.InRange(embeds.Sum(e => (e!["title"]?.GetValue<string>().Length ?? 0) + (e["description"]?.GetValue<string>().Length ?? 0)), 1, 6000);
            descriptions.AddRange(embeds.Select(e => e!["description"]!.GetValue<string>()));
        }
        Assert.All(descriptions, d => Assert.InRange(d.Length, 1, 4096));
        Assert.All(descriptions, d => Assert.EndsWith("ends here.", d));
        Assert.Equal(longText + " " + longText, string.Join(' ', descriptions));
        Assert.Empty(h.Fake.Violations);
    }

    private static List<JsonNode> Messages(IReadOnlyList<FakeRequest> requests, string id) =>
        requests.Where(r => r.Path.Contains($"itoken-{id}-secretpart") && r.Method is "PATCH" or "POST" && !r.Path.EndsWith("/callback", StringComparison.Ordinal))
            .Select(r => r.Body!).ToList();

    private static IEnumerable<string> Descriptions(IEnumerable<JsonNode> messages) =>
        messages.SelectMany(m => m["embeds"]?.AsArray() ?? []).Select(e => e?["description"]?.GetValue<string>() ?? "");
}
