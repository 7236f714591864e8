using System.CommandLine;
using System.Text;
using System.Text.Json;
using NewsBrief.Bot.Articles;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Extractive;
using NewsBrief.Bot.Rendering;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// <c>newsbrief summary &lt;url|file&gt; [--format text|markdown|json]</c>: summarises one article with the configured engine.
/// JSON: <c>{"input","url","title","byline","published","sentences":[...],"engine"}</c>.
/// </summary>
public static class SummaryCommand
{
    public static Command Create(CommandContext context)
    {
        var input = new Argument<string>("input") { Description = "An article URL or a local HTML file" };
        var format = FormatOption.Create("text", "markdown", "json");
        var command = new Command("summary", "Summarise one article") { input, format };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async services =>
        {
            var name = result.GetValue(input)!;
            var (article, error) = await new ArticleInput(services.Fetcher).ReadAsync(name, ct);
            if (article is null)
            {
                await context.Error.WriteLineAsync($"error: {error}");
                return ExitCodes.Failed;
            }
            var title = article.Title ?? article.Url.ToString();
            var summary = await services.CreateStorySummariser().SummariseAsync(ArticleInput.AsStory(article, title), ct);
            var sentences = summary.Sentences.Select(s => s.Text).ToList();
            await context.Out.WriteLineAsync(result.GetValue(format) switch
            {
                "json" => JsonSerializer.Serialize(new
                {
                    input = name, url = (article.CanonicalUrl ?? article.Url).ToString(), title, byline = article.Byline,
                    published = article.Published, sentences, engine = summary.Engine,
                }, JsonOutput.Options),
                "markdown" => Markdown(title, article.Url, sentences),
                _ => $"{title}\n\n{string.Join("\n", sentences.Select(s => "- " + s))}\n\n({summary.Engine}; {article.Url})",
            });
            return ExitCodes.Done;
        }));
        return command;
    }

    private static string Markdown(string title, Uri url, IReadOnlyList<string> sentences)
    {
        var md = new StringBuilder($"### [{title}]({url})\n\n");
        foreach (var s in sentences) md.AppendLine($"- {s}");
        return md.ToString();
    }
}
