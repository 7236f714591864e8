using System.CommandLine;
using System.Text.Json;
using NewsBrief.Bot.Articles;
using NewsBrief.Bot.Rendering;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// <c>newsbrief extract &lt;url|file&gt;... [--format text|json]</c>: the extracted article of each input. JSON is one object
/// per line, <c>{"input","url","canonicalUrl","title","byline","published","language","text"}</c>, or
/// <c>{"input","error"}</c> for an input that failed; the others go on.
/// </summary>
public static class ExtractCommand
{
    public static Command Create(CommandContext context)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Article URLs or local HTML files", Arity = ArgumentArity.OneOrMore };
        var format = FormatOption.Create("text", "json");
        var command = new Command("extract", "Print the extracted text and metadata of article pages") { inputs, format };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async services =>
        {
            var reader = new ArticleInput(services.Fetcher);
            var json = result.GetValue(format) == "json";
            var failures = 0;
            var all = result.GetValue(inputs)!;
            foreach (var input in all)
            {
                var (article, error) = await reader.ReadAsync(input, ct);
                if (article is null) failures++;
                if (json)
                {
                    object line = article is null
                        ? new { input, error }
                        : new
                        {
                            input, url = article.Url.ToString(), canonicalUrl = article.CanonicalUrl?.ToString(), title = article.Title,
                            byline = article.Byline, published = article.Published, language = article.Language, text = article.Text,
                        };
                    await context.Out.WriteLineAsync(JsonSerializer.Serialize(line, JsonOutput.Compact));
                }
                else if (article is null)
                {
                    await context.Error.WriteLineAsync($"error: {error}");
                }
                else
                {
                    await context.Out.WriteLineAsync($"# {article.Title}\n{Meta("By", article.Byline)}{Meta("Published", article.Published?.ToString("u"))}{Meta("URL", (article.CanonicalUrl ?? article.Url).ToString())}\n{article.Text}\n");
                }
            }
            return failures == all.Length ? ExitCodes.Failed : ExitCodes.Done;
        }));
        return command;
    }

    private static string Meta(string label, string? value) => value is null ? "" : $"{label}: {value}\n";
}
