using System.CommandLine;
using System.Text.Json;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Bot.Rendering;
using NewsBrief.Bot.Schedules;
using NewsBrief.Core.Domain;
using NewsBrief.Bot.Composition;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// <c>newsbrief schedule set DEST "CRON" [--tz ZONE] [--topics T1,T2] [--quiet HH:mm-HH:mm]</c>, <c>schedule list [--format text|json]</c>,
/// <c>schedule remove DEST</c>: recurring briefs per destination, sent by <c>run</c>.
/// </summary>
public static class ScheduleCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("schedule", "Recurring briefs per destination, sent by 'newsbrief run'");
        command.Subcommands.Add(Set(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Remove(context));
        return command;
    }

    private static Command Set(CommandContext context)
    {
        var destination = new Argument<string>("destination") { Description = "console, discord:channel:<id>, discord:dm:<userId> or webhook:<url>" };
        var cron = new Argument<string>("cron") { Description = "Five-field cron: minute hour day month weekday, e.g. \"0 8 * * 1-5\"" };
        var zone = new Option<string>("--tz") { Description = "IANA time zone, e.g. Europe/London (default UTC)", DefaultValueFactory = _ => "UTC" };
        var topics = new Option<string?>("--topics") { Description = "Comma-separated configured topics (default: all news)" };
        var quiet = new Option<string?>("--quiet") { Description = "Local quiet hours, e.g. 22:00-07:00: nothing (alerts included) is sent to the destination then" };
        var command = new Command("set", "Create or replace the brief schedule of a destination") { destination, cron, zone, topics, quiet };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async (services, alerting) =>
        {
            var names = (result.GetValue(topics) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            BriefSchedule saved;
            TimeZoneInfo tz;
            try
            {
                (saved, tz) = ScheduleRequest.Set(alerting.Schedules, services.Config.Topics.Select(t => t.Topic.Name).ToList(),
                    result.GetValue(destination)!, result.GetValue(cron)!, result.GetValue(zone)!, names, result.GetValue(quiet), context.Time.GetUtcNow());
            }
            catch (ScheduleRequestException e)
            {
                throw new UsageException(e.Field is "tz" or "topics" or "quiet" ? $"--{e.Field}: {e.Message}" : e.Message);
            }
            var dest = Destination.Parse(saved.Destination);
            var next = ScheduleCalendar.Next(saved.Cron, tz, context.Time.GetUtcNow());
            await context.Out.WriteLineAsync($"schedule {saved.Id}: \"{saved.Cron}\" {saved.TimeZone} to {dest.Redacted}; next brief {next:u}");
            return ExitCodes.Done;
        }));
        return command;
    }

    private static Command List(CommandContext context)
    {
        var format = FormatOption.Create("text", "json");
        var command = new Command("list", "List the brief schedules with their next occurrence") { format };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async (services, alerting) =>
        {
            var now = context.Time.GetUtcNow();
            var rows = alerting.Schedules.List().Select(s => new ScheduleRow(s.Id,
                Destination.TryParse(s.Destination, out var d, out _) ? d.Redacted : s.Destination, s.Cron, s.TimeZone, s.Topics, s.QuietHours, s.Origin,
                s.LastOccurrence, NextOf(s, now))).ToList();
            await context.Out.WriteLineAsync(result.GetValue(format) == "json"
                ? JsonSerializer.Serialize(rows, JsonOutput.Options)
                : TextTable.Render(["id", "to", "cron", "zone", "topics", "next"],
                    rows.Select(r => new[] { r.Id.ToString(), r.Destination, r.Cron, r.TimeZone, r.Topics.Count == 0 ? "all" : string.Join(", ", r.Topics), $"{r.Next:u}" }).ToList()));
            return ExitCodes.Done;
        }));
        return command;
    }

    private static Command Remove(CommandContext context)
    {
        var destination = new Argument<string>("destination") { Description = "The destination whose schedule to remove" };
        var command = new Command("remove", "Remove the brief schedule of a destination") { destination };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async (services, alerting) =>
        {
            if (!Destination.TryParse(result.GetValue(destination), out var dest, out var destError)) throw new UsageException(destError);
            if (!alerting.Schedules.Remove(dest.ToString())) throw new UsageException($"{dest.Redacted} has no schedule; see 'newsbrief schedule list'");
            await context.Out.WriteLineAsync($"schedule of {dest.Redacted} removed");
            return ExitCodes.Done;
        }));
        return command;
    }

    private static DateTimeOffset? NextOf(BriefSchedule s, DateTimeOffset now)
    {
        try { return ScheduleCalendar.Next(s.Cron, TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone), now); }
        catch (Exception e) when (e is FormatException or TimeZoneNotFoundException or InvalidTimeZoneException) { return null; }
    }
}

/// <summary>One schedule as <c>schedule list</c> shows it (also its JSON form).</summary>
public sealed record ScheduleRow(long Id, string Destination, string Cron, string TimeZone, IReadOnlyList<string> Topics, string? QuietHours, string Origin,
    DateTimeOffset? LastOccurrence, DateTimeOffset? Next);
