using System.Text.Json.Nodes;
using NewsBrief.Discord;
using NewsBrief.Tests.Bot.Discord.Fake;

namespace NewsBrief.Tests.Bot.Discord;

/// <summary>Reading INTERACTION_CREATE payloads.</summary>
public sealed class DiscordInteractionTests
{
    [Fact]
    public void Parse_ASubcommand_ReadsItsOptionsAndTheMember()
    {
        var payload = BotHarness.Interaction("1", "sources", "remove", [("source", "bbc")], permissions: "32", roles: ["7"]);

        var interaction = DiscordInteraction.Parse(payload);

        Assert.Equal(("sources", "remove", "bbc"), (interaction.Name, interaction.Subcommand, interaction.Options["source"]));
        Assert.Equal(("53908232506183680", "mason"), (interaction.User.Id, interaction.User.Name));
        Assert.True(interaction.IsAdmin([]));
        Assert.Equal(BotHarness.GuildId, interaction.GuildId);
    }

    [Fact]
    public void Parse_ADirectMessage_TakesTheUserAndIsNotAdmin()
    {
        var payload = JsonNode.Parse("""
            {"id":"1","application_id":"2","type":2,"token":"t","channel_id":"3",
             "user":{"id":"9","username":"dm-user","global_name":"DM User"},
             "data":{"id":"4","name":"brief","type":1,"options":[{"type":4,"name":"count","value":5}]}}
            """)!;

        var interaction = DiscordInteraction.Parse(payload);

        Assert.Equal("DM User", interaction.User.Name);
        Assert.Equal("5", interaction.Options["count"]);
        Assert.False(interaction.IsAdmin(["555"]));
        Assert.Null(interaction.GuildId);
    }

    [Fact]
    public void Parse_AnAutocomplete_FindsTheFocusedOption()
    {
        var payload = BotHarness.Interaction("1", "sources", "check", [("source", "bb")], type: 4, focused: "source");

        var interaction = DiscordInteraction.Parse(payload);

        Assert.Equal(("source", "bb"), (interaction.FocusedOption, interaction.FocusedValue));
    }

    [Fact]
    public void Parse_WithoutAToken_FailsNamingTheField()
    {
        var payload = BotHarness.Interaction("1", "help");
        payload.Remove("token");

        var error = Assert.Throws<FormatException>(() => DiscordInteraction.Parse(payload));
        Assert.Contains("token", error.Message);
    }
}
