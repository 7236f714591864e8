using NewsBrief.Bot.Chat;
using NewsBrief.Discord;
using NewsBrief.Core.Chat;

namespace NewsBrief.Tests.Bot.Discord;

/// <summary>The pure reply renderer: Discord's limits, escaping, splitting, numbered links, mentions off.</summary>
public sealed class DiscordReplyRendererTests
{
    private static string Sentences(int count, string word = "Policy") =>
        string.Join(' ', Enumerable.Range(1, count).Select(i => $"{word} sentence {i} is complete."));

    [Fact]
    public void Render_ALongDescription_SplitsAtSentenceEndsWithinTheEmbedAndMessageLimits()
    {
        var text = Sentences(600);

        var messages = DiscordReplyRenderer.Render(new ChatReply { Embeds = [new ReplyEmbed("Brief", text)] }, ephemeral: false);

        var embeds = messages.SelectMany(m => m.Embeds!).ToList();
        Assert.All(messages, m => Assert.InRange(m.Embeds!.Sum(e => e.CountedLength), 1, 6000));
        Assert.All(messages, m => Assert.InRange(m.Embeds!.Count, 1, 10));
        Assert.All(embeds, e => Assert.InRange(e.Description!.Length, 1, 4096));
        Assert.All(embeds, e => Assert.EndsWith("complete.", e.Description));
        Assert.Equal("Brief", embeds[0].Title);
        Assert.All(embeds.Skip(1), e => Assert.Null(e.Title));
        Assert.Equal(text, string.Join(' ', embeds.Select(e => e.Description)));
    }

    [Fact]
    public void Render_PrefersParagraphBreaksOverSentenceEnds()
    {
        var paragraph = Sentences(60);
        var text = paragraph + "\n\n" + paragraph + "\n\n" + paragraph;

        var embeds = DiscordReplyRenderer.Render(new ChatReply { Embeds = [new ReplyEmbed(null, text)] }, false).SelectMany(m => m.Embeds!).ToList();

        Assert.True(embeds.Count >= 2);
        Assert.All(embeds, e => Assert.StartsWith("Policy sentence 1 is", e.Description));
    }

    [Fact]
    public void Render_TooLongTitleFieldsAndFooter_AreCutToDiscordLimits()
    {
        var fields = Enumerable.Range(1, 40).Select(i => new ReplyField(new string('n', 300), new string('v', 2000))).ToList();
        var section = new ReplyEmbed(new string('t', 400), "short", Fields: fields, Footer: new string('f', 3000));

        var messages = DiscordReplyRenderer.Render(new ChatReply { Embeds = [section] }, false);

        var embeds = messages.SelectMany(m => m.Embeds!).ToList();
        Assert.Equal(256, embeds[0].Title!.Length);
        Assert.Equal(40, embeds.Sum(e => e.Fields?.Count ?? 0));
        Assert.All(embeds, e => Assert.InRange(e.Fields?.Count ?? 0, 0, 25));
        Assert.All(embeds.SelectMany(e => e.Fields ?? []), f => Assert.True(f.Name.Length <= 256 && f.Value.Length <= 1024));
        Assert.InRange(embeds[^1].Footer!.Text.Length, 1, 2048);
        Assert.All(messages, m => Assert.InRange(m.Embeds!.Sum(e => e.CountedLength), 1, 6000));
    }

    [Fact]
    public void Render_ElevenSmallSections_NeedTwoMessages()
    {
        var sections = Enumerable.Range(1, 11).Select(i => new ReplyEmbed($"Story {i}", "Short.")).ToList();

        var messages = DiscordReplyRenderer.Render(new ChatReply { Embeds = sections }, false);

        Assert.Equal([10, 1], messages.Select(m => m.Embeds!.Count));
    }

    [Fact]
    public void Render_Links_AreNumberedInOrderAndEscaped()
    {
        var reply = new ChatReply { Links = [new ReplyLink("EU *deal*", "https://example.org/a"), new ReplyLink("US [ban]", "https://example.org/b)x")] };

        var sources = Assert.Single(DiscordReplyRenderer.Render(reply, false)).Embeds!.Single();

        Assert.Equal("Sources", sources.Title);
        Assert.Equal("\\[1\\] [EU \\*deal\\*](<https://example.org/a>)\n\\[2\\] [US \\[ban\\]](<https://example.org/b%29x>)", sources.Description);
    }

    [Fact]
    public void Render_EveryMessage_TurnsMentionsOffAndMarksEphemeralOnlyWhenAsked()
    {
        var reply = new ChatReply { Text = "@everyone " + Sentences(200), Embeds = [new ReplyEmbed("x", "y")] };

        var pub = DiscordReplyRenderer.Render(reply, false);
        var priv = DiscordReplyRenderer.Render(reply, true);

        Assert.True(pub.Count >= 2);
        Assert.All(pub.Concat(priv), m => Assert.Empty(m.AllowedMentions.Parse));
        Assert.All(pub, m => Assert.Null(m.Flags));
        Assert.All(priv, m => Assert.Equal(64, m.Flags));
        Assert.All(pub, m => Assert.InRange(m.Content?.Length ?? 0, 0, 2000));
    }

    [Fact]
    public void Render_AnEmptyReply_StillSendsSomething()
    {
        var message = Assert.Single(DiscordReplyRenderer.Render(new ChatReply(), false));
        Assert.False(string.IsNullOrEmpty(message.Content));
    }

    [Fact]
    public void Serialized_APayload_UsesDiscordFieldNamesAndAlwaysCarriesAllowedMentions()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new DiscordMessagePayload { Content = "hi", Nonce = "1", EnforceNonce = true }, DiscordJson.Options);

        Assert.Equal("""{"content":"hi","allowed_mentions":{"parse":[]},"nonce":"1","enforce_nonce":true}""", json);
    }
}
