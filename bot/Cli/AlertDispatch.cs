using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Cli;

/// <summary>The alert step of a CLI command: scan for new alerts, send what is due, and report on standard error.</summary>
public static class AlertDispatch
{
    public static async Task<DispatchReport> RunAsync(CommandContext context, AlertServices alerting, CancellationToken ct)
    {
        var (scan, dispatch) = await alerting.ScanAndSendAsync(ct);
        foreach (var (id, error) in alerting.Scanner.Matcher.Broken)
            await context.Error.WriteLineAsync($"  subscription {id}: its query no longer parses and is skipped: {error}");
        if (scan.Alerts + scan.HeldForDigest + scan.Digests + dispatch.Sent + dispatch.Retrying + dispatch.FailedNow.Count > 0)
            await context.Error.WriteLineAsync($"alerts: {scan.Alerts} queued, {scan.HeldForDigest} held for digests, {Counted.Of(scan.Digests, "digest")} queued; "
                                               + $"{dispatch.Sent} delivered, {dispatch.Retrying} to retry, {dispatch.FailedNow.Count} failed");
        foreach (var failed in dispatch.FailedNow)
            await context.Error.WriteLineAsync($"  delivery {failed.Id} ({failed.Kind}) to {Redacted(failed.Destination)} failed: {failed.LastError}");
        return dispatch;
    }

    private static string Redacted(string destination) =>
        Destination.TryParse(destination, out var d, out _) ? d.Redacted : destination;
}
