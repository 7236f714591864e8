using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsBrief.Bot.Briefing;
using NewsBrief.Bot.Events;
using NewsBrief.Bot.Rendering;


namespace NewsBrief.Bot.Cli;

/// <summary>
/// <c>newsbrief events [--from D] [--to D] [--topic T | --query Q] [--format text|json|ics]</c>: the stored upcoming
/// events of a date range (default: the next 14 days), each with the articles that report it.
/// </summary>
public static class EventsCommand
{
    /// <summary>Days listed when no <c>--to</c> is given.</summary>
    public const int DefaultDays = EventQuery.DefaultDays;

    public static Command Create(CommandContext context)
    {
        var from = new Option<string?>("--from") { Description = "First day, YYYY-MM-DD (default: today in Brief:TimeZone)" };
        var to = new Option<string?>("--to") { Description = $"Last day, YYYY-MM-DD (default: {DefaultDays} days from --from)" };
        var topic = new Option<string?>("--topic") { Description = "Only events reported in articles of this configured topic" };
        var query = new Option<string?>("--query") { Description = "Only events reported in articles matching this query, e.g. \"china AND visit\"" };
        var format = FormatOption.Create("text", "json", "ics");
        var command = new Command("events", "List upcoming events (meetings, visits, votes, deadlines) found in the stored articles") { from, to, topic, query, format };
        command.Validators.Add(r =>
        {
            if (r.GetValue(topic) is not null && r.GetValue(query) is not null) r.AddError("give --topic or --query, not both");
        });
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async services =>
        {
            var now = services.Time.GetUtcNow();
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, services.Config.BriefTimeZone).DateTime);
            var first = ParseDay(result.GetValue(from), "--from") ?? today;
            var last = ParseDay(result.GetValue(to), "--to") ?? first.AddDays(DefaultDays - 1);
            if (last < first) throw new UsageException($"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}");
            if (last.DayNumber - first.DayNumber > 3660) throw new UsageException("the range is longer than ten years; give a shorter --from/--to");
            var filter = services.BriefService.ResolveFilter(new BriefScope(result.GetValue(topic), result.GetValue(query)));
            var listing = services.Events.Find(first, last, filter?.Query);
            var name = services.BriefService.SourceName;
            await context.Out.WriteAsync(result.GetValue(format) switch
            {
                "json" => JsonSerializer.Serialize(EventsJson.From(listing, name), EventsJson.Options) + "\n",
                "ics" => ICalendarWriter.Write(listing.Events, listing.Articles, name, now),
                _ => Text(listing, name, first, last),
            });
            return ExitCodes.Done;
        }));
        return command;
    }

    private static DateOnly? ParseDay(string? text, string option)
    {
        if (text is null) return null;
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new UsageException($"{option}: '{text}' is not a date like 2025-02-13");
    }

    private static string Text(EventListing listing, Func<string, string> sourceName, DateOnly first, DateOnly last)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"Upcoming events, {first:yyyy-MM-dd} to {last:yyyy-MM-dd}: {listing.Events.Count}");
        foreach (var e in listing.Events)
        {
            text.AppendLine().AppendLine($"{EventDateText.Format(e)}  [{e.Kind}] {e.Title}{EventDateText.Who(e)}");
            foreach (var c in e.Citations)
                if (listing.Articles.TryGetValue(c.ArticleId, out var a))
                    text.AppendLine($"    {sourceName(a.SourceId)}: {a.Title} <{a.Url}>");
        }
        return text.ToString();
    }
}
