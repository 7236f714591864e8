using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Discord;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Text;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Summariser.Llm;

namespace NewsBrief.Bot.Doctor;

/// <summary>
/// The checks of <c>newsbrief doctor</c>, in the order an operator fixes things: the store, the model
/// endpoint, the Discord token, then (on request) each source and each destination. Each check is
/// isolated: one failing never stops the others.
/// </summary>
public sealed class Doctor(AppServices services, AlertServices alerting, DiscordOptions? discord)
{
    public async Task<IReadOnlyList<DoctorCheck>> RunAsync(bool sources, bool sendTest, CancellationToken ct)
    {
        var checks = new List<DoctorCheck> { DoctorCheck.Pass("configuration", $"{services.Config.ConfigDirectory}: {Counted.Of(services.Config.Sources.Count, "source")}, {Counted.Of(services.Config.Topics.Count, "topic")}") };
        checks.Add(Isolated("store", Store));
        if (services.Summariser.UsesModel) checks.Add(await IsolatedAsync("model", Model(ct)));
        if (discord is not null) checks.Add(await IsolatedAsync("discord", Discord(discord, ct)));
        if (sources)
            foreach (var source in services.Sources.Current) checks.Add(await IsolatedAsync($"source {source.Id}", Source(source, ct)));
        if (sendTest)
            foreach (var destination in Destinations()) checks.Add(await IsolatedAsync($"destination {Destination.Parse(destination).Redacted}", Send(destination, ct)));
        return checks;
    }

    private DoctorCheck Store()
    {
        using var connection = services.Database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        var integrity = cmd.ExecuteScalar() as string;
        var file = new FileInfo(Path.Combine(services.Config.DataDirectory, "newsbrief.db"));
        var size = file.Exists ? $"{file.Length / 1024.0 / 1024.0:0.0} MiB" : "size unknown";
        return integrity == "ok"
            ? DoctorCheck.Pass("store", $"{file.FullName}: migrations applied, integrity ok, {size}")
            : DoctorCheck.Fail("store", $"{file.FullName}: integrity check says {integrity}; restore a backup or delete the file to start afresh");
    }

    private async Task<DoctorCheck> Model(CancellationToken ct) =>
        await ModelProbe.CheckAsync(services.Summariser, ct) is { } error
            ? DoctorCheck.Fail("model", error)
            : DoctorCheck.Pass("model", $"{services.Summariser.Model} at {services.Summariser.Endpoint} answered");

    private async Task<DoctorCheck> Discord(DiscordOptions options, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var rest = new DiscordRestClient(http, options, services.Time);
        try
        {
            var me = await rest.SendAsync(HttpMethod.Get, "/users/@me", null, repeatable: true, ct);
            var name = me?.TryGetProperty("username", out var u) == true ? u.GetString() : "?";
            return DoctorCheck.Pass("discord", $"the token belongs to {name}");
        }
        catch (DiscordApiException e) when (e.Status is System.Net.HttpStatusCode.Unauthorized)
        {
            return DoctorCheck.Fail("discord", $"Discord rejected the bot token (401): check Discord:Token ({Configuration.AppConfiguration.EnvironmentPrefix}Discord__Token)");
        }
        catch (HttpRequestException e)
        {
            return DoctorCheck.Fail("discord", $"{rest.Redactor.Redact(e.Message)}; check Discord:ApiBaseUrl and the network");
        }
    }

    private async Task<DoctorCheck> Source(Source source, CancellationToken ct)
    {
        var result = await services.Fetcher.FetchAsync(NewsBrief.Scrapers.Refresh.SourceRequest.For(source, source.Url), ct);
        return result.IsOk
            ? DoctorCheck.Pass($"source {source.Id}", $"{source.Url} answered ({result.Body?.Length ?? 0:N0} characters)")
            : DoctorCheck.Fail($"source {source.Id}", $"{source.Url}: {result.Message} (sources.json: the Url of '{source.Id}')");
    }

    /// <summary>Every destination a schedule or subscription sends to.</summary>
    private IEnumerable<string> Destinations() =>
        alerting.Schedules.List().Select(s => s.Destination)
            .Concat(alerting.Subscriptions.List().Select(s => s.Destination))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>The test message of <c>deliveries test</c>, the same implementation and messages.</summary>
    private async Task<DoctorCheck> Send(string destination, CancellationToken ct)
    {
        var to = Destination.Parse(destination);
        var name = $"destination {to.Redacted}";
        var result = await TestMessage.SendAsync(alerting.Dispatcher, to, services.Time.GetUtcNow(), ct);
        return result.Outcome == SendOutcome.Sent ? DoctorCheck.Pass(name, TestMessage.Sent) : DoctorCheck.Fail(name, result.Error ?? "failed");
    }

    private static DoctorCheck Isolated(string name, Func<DoctorCheck> check)
    {
        try { return check(); }
        catch (Exception e) { return DoctorCheck.Fail(name, $"{e.GetType().Name}: {e.Message}"); }
    }

    private static async Task<DoctorCheck> IsolatedAsync(string name, Task<DoctorCheck> check)
    {
        try { return await check; }
        catch (OperationCanceledException) { throw; }
        catch (Exception e) { return DoctorCheck.Fail(name, $"{e.GetType().Name}: {e.Message}"); }
    }
}
