using System.CommandLine;
using System.Text.Json;
using NewsBrief.Bot.Rendering;
using NewsBrief.Bot.Sources;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// <c>newsbrief feed &lt;file|url&gt;... [--format text|json]</c>: parses each feed as the poller would and prints its
/// items, for an operator checking a source before adding it. JSON is one object per item and line,
/// <c>{"input","title","url","guid","published","summary"}</c>, or <c>{"input","error"}</c> for an input that failed;
/// the others go on.
/// </summary>
public static class FeedCommand
{
    public static Command Create(CommandContext context)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Feed URLs or local feed files (RSS, RDF, Atom, JSON Feed)", Arity = ArgumentArity.OneOrMore };
        var format = FormatOption.Create("text", "json");
        var command = new Command("feed", "Parse feeds as the poller would and print their items") { inputs, format };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async services =>
        {
            var reader = new FeedInput(services.Fetcher, services.Time, services.Refresh.ParseTimeBudget);
            var json = result.GetValue(format) == "json";
            var failures = 0;
            var all = result.GetValue(inputs)!;
            foreach (var input in all)
            {
                var (feed, error) = await reader.ReadAsync(input, ct);
                if (feed is null)
                {
                    failures++;
                    if (json) await context.Out.WriteLineAsync(JsonSerializer.Serialize(new { input, error }, JsonOutput.Compact));
                    else await context.Error.WriteLineAsync($"error: {error}");
                    continue;
                }
                if (json)
                {
                    foreach (var item in feed.Items)
                    {
                        var line = new { input, title = item.Title, url = item.Link?.ToString(), guid = item.Guid, published = item.Published, summary = item.Description ?? item.Content };
                        await context.Out.WriteLineAsync(JsonSerializer.Serialize(line, JsonOutput.Compact));
                    }
                }
                else
                {
                    await context.Out.WriteLineAsync(Text(input, feed));
                }
            }
            return failures == all.Length ? ExitCodes.Failed : ExitCodes.Done;
        }));
        return command;
    }

    private static string Text(string input, Scrapers.Parsing.ParsedFeed feed)
    {
        var text = new System.Text.StringBuilder();
        text.Append("# ").Append(feed.Title ?? "(untitled feed)").Append(" (").Append(feed.Items.Count).Append(feed.Items.Count == 1 ? " item" : " items").Append(")\n");
        text.Append("Input: ").Append(input).Append('\n');
        if (feed.Link is not null) text.Append("Site: ").Append(feed.Link).Append('\n');
        if (feed.Ttl is not null) text.Append("Poll at most every: ").Append(feed.Ttl).Append('\n');
        foreach (var item in feed.Items)
        {
            text.Append("\n- ").Append(item.Title).Append('\n');
            if (item.Link is not null) text.Append("  ").Append(item.Link).Append('\n');
            if (item.Published is not null) text.Append("  published ").Append(item.Published.Value.ToString("u", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            if (item.Guid is not null && item.Guid != item.Link?.ToString()) text.Append("  guid ").Append(item.Guid).Append('\n');
        }
        return text.ToString();
    }
}
