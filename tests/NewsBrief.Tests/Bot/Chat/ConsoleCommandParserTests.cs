using NewsBrief.Bot.Chat;
using NewsBrief.Core.Chat;

namespace NewsBrief.Tests.Bot.Chat;

public sealed class ConsoleCommandParserTests
{
    private static readonly ChatUser Me = new("console", "me");

    [Fact]
    public void Parse_OptionsAndQuotedValues()
    {
        var c = ConsoleCommandParser.Parse("/brief topic:\"TikTok bans\" since:48h", Me, out var error)!;

        Assert.Null(error);
        Assert.Equal(("brief", "TikTok bans", "48h"), (c.Name, c.Option("topic"), c.Option("since")));
    }

    [Fact]
    public void Parse_LooseWordsFillTheMainOption_AndAUrlIsNotMistakenForAnOption()
    {
        var summary = ConsoleCommandParser.Parse("/summary https://news.example/a?b=c", Me, out _)!;
        var subscribe = ConsoleCommandParser.Parse("/subscribe tiktok AND (ban OR prohibit*) mode:digest", Me, out _)!;

        Assert.Equal("https://news.example/a?b=c", summary.Option("url"));
        Assert.Equal(("tiktok AND (ban OR prohibit*)", "digest"), (subscribe.Option("query"), subscribe.Option("mode")));
    }

    [Fact]
    public void Parse_Subcommands_DefaultToTheFirst()
    {
        Assert.Equal("list", ConsoleCommandParser.Parse("/sources", Me, out _)!.Subcommand);
        var add = ConsoleCommandParser.Parse("/sources add https://site.example name:Site", Me, out _)!;
        Assert.Equal(("add", "https://site.example", "Site"), (add.Subcommand, add.Option("url"), add.Option("name")));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    public void Parse_NotACommand_IsNull(string line) => Assert.Null(ConsoleCommandParser.Parse(line, Me, out _));

    [Fact]
    public void Parse_WordsACommandDoesNotTake_IsAnErrorSayingWhich()
    {
        Assert.Null(ConsoleCommandParser.Parse("/subscriptions everything", Me, out var error));
        Assert.Contains("does not take 'everything'", error);
    }
}
