using System.CommandLine;
using NewsBrief.Bot.Briefing;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Bot.Rendering;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// <c>newsbrief brief [--since 24h] [--topic NAME | --query Q] [--format text|markdown|html|json] [--no-poll] [--new-only] [--to DEST]</c>:
/// polls (unless --no-poll), then prints a brief of the window, or with --to queues it for DEST, sends it at once and prints the delivery id.
/// </summary>
public static class BriefCommand
{
    public static Command Create(CommandContext context)
    {
        var since = new Option<string?>("--since") { Description = "Window of the brief: 90m, 24h, 7d, 2w (default: Brief:DefaultWindow, 24h)" };
        var topic = new Option<string?>("--topic") { Description = "Only this configured topic (see topics.json)" };
        var query = new Option<string?>("--query") { Description = "Only articles matching this query, e.g. \"tiktok AND ban*\"" };
        var format = FormatOption.Create("text", "markdown", "html", "json");
        var noPoll = new Option<bool>("--no-poll") { Description = "Brief what is stored; do not poll first" };
        var newOnly = new Option<bool>("--new-only") { Description = "Leave out what earlier briefs of the same scope covered; show updates only" };
        var to = new Option<string?>("--to") { Description = "Send the brief to this destination now (email:..., slack:webhook:..., teams:webhook:..., webhook:..., discord:...) through the outbox; prints the delivery id" };
        var command = new Command("brief", "Poll, then print a brief of the recent stories (or send it with --to)") { since, topic, query, format, noPoll, newOnly, to };
        command.Validators.Add(r =>
        {
            if (r.GetValue(topic) is not null && r.GetValue(query) is not null) r.AddError("give --topic or --query, not both");
        });
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async (services, alerting) =>
        {
            Destination? destination = null;
            if (result.GetValue(to) is { } target)
                destination = Destination.TryParse(target, out var parsed, out var bad) ? parsed : throw new UsageException($"--to: {bad}");
            var window = services.Brief.DefaultWindow;
            if (result.GetValue(since) is { } text && !DurationParser.TryParse(text, out window, out var error))
                throw new UsageException($"--since: {error}");
            var scope = new BriefScope(result.GetValue(topic), result.GetValue(query));
            if (!result.GetValue(noPoll)) await PollCommand.PollAsync(context, services, services.Sources.Current, ct);
            if (destination is not null) return await SendAsync(context, services, alerting, destination, window, scope, result.GetValue(newOnly), ct);
            var brief = await services.BriefService.CreateAsync(window, scope, result.GetValue(newOnly), ct);
            var name = services.BriefService.SourceName;
            await context.Out.WriteLineAsync(result.GetValue(format) switch
            {
                "json" => BriefJsonRenderer.Render(brief, name),
                "markdown" => BriefMarkdownRenderer.Render(brief, name),
                "html" => BriefHtmlRenderer.Render(brief, name),
                _ => BriefTextRenderer.Render(brief, name),
            });
            return ExitCodes.Done;
        }));
        return command;
    }

    /// <summary>Queues the brief's document for the destination and sends it at once; the delivery id goes to standard output.</summary>
    private static async Task<int> SendAsync(CommandContext context, AppServices services, AlertServices alerting, Destination destination,
        TimeSpan window, BriefScope scope, bool newOnly, CancellationToken ct)
    {
        var (brief, document) = await services.BriefService.CreateDocumentedAsync(window, scope, newOnly, ct);
        var now = context.Time.GetUtcNow();
        var id = alerting.Deliveries.Add(new Delivery
        {
            Destination = destination.ToString(),
            Kind = "brief",
            // Each run is its own brief: a script that runs twice sends twice, as asked.
            IdempotencyKey = $"brief:now:{now.ToUnixTimeMilliseconds()}:{Guid.NewGuid():N}",
            Payload = document,
            Text = brief.Stories.Count == 0 ? "Brief: no stories" : $"Brief: {Counted.Of(brief.Stories.Count, "story", "stories")}; top: {brief.Stories[0].Story.Headline}",
            Created = now,
        })!.Value;
        await context.Out.WriteLineAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await DeliveryNow.SendAsync(context, alerting, id, ct);
    }
}
