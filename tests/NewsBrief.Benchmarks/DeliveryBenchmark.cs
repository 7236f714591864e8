using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;

namespace NewsBrief.Benchmarks;

/// <summary>
/// Outbox throughput per destination kind: N alert rows to one destination of each kind, drained by one dispatcher pass
/// against a loopback HTTP server that accepts everything (Slack's 1 s spacing off, to measure our side).
/// </summary>
public sealed class DeliveryBenchmark : IBenchmark
{
    public string Name => "deliveries";
    public string Description => "deliveries/s per destination kind (console, webhook, Discord webhook, Slack webhook, Teams webhook) [--count N]";

    public async Task<int> RunAsync(string[] args)
    {
        var count = args is ["--count", var n, ..] ? int.Parse(n) : 2000;
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = await listener.GetContextAsync(); } catch (Exception) { return; }
                _ = Task.Run(async () =>
                {
                    await ctx.Request.InputStream.CopyToAsync(Stream.Null);
                    var body = Encoding.UTF8.GetBytes(ctx.Request.Url!.AbsolutePath.Contains("/api/webhooks/") ? "{\"id\":\"1\"}" : "ok");
                    ctx.Response.StatusCode = ctx.Request.Url.AbsolutePath.Contains("/workflows/") ? 202 : 200;
                    ctx.Response.ContentType = "application/json";
                    ctx.Response.ContentLength64 = body.Length;
                    await ctx.Response.OutputStream.WriteAsync(body);
                    ctx.Response.Close();
                });
            }
        });
        var base_ = $"http://127.0.0.1:{port}";
        var kinds = new (string Kind, string Destination)[]
        {
            ("console", "console"),
            ("webhook", $"webhook:{base_}/hook"),
            ("discord webhook", $"webhook:{base_}/api/webhooks/1/token-abc"),
            ("slack webhook", $"slack:webhook:{base_}/services/T/B/x"),
            ("teams webhook", $"teams:webhook:{base_}/workflows/1/invoke?sig=s"),
        };
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new DeliveryOptions { SlackWebhookInterval = TimeSpan.Zero };
        IDeliverySender[] senders = [new ConsoleSender(TextWriter.Null, json: false), new DiscordWebhookSender(http), new WebhookSender(http, options.WebhookTimeout),
            new SlackSender(http, new SlackOptions(), options.WebhookTimeout), new TeamsSender(http, options.WebhookTimeout)];
        Console.WriteLine($"| destination | deliveries | seconds | deliveries/s |\n|---|---|---|---|");
        foreach (var (kind, destination) in kinds)
        {
            var dir = Path.Combine(Path.GetTempPath(), "nb-deliveries-" + Guid.NewGuid().ToString("N"));
            var db = NewsBriefDatabase.Open(dir);
            var store = new DeliveryStore(db);
            var now = DateTimeOffset.UtcNow.AddSeconds(-1);
            for (var i = 0; i < count; i++)
                store.Add(new Delivery { Destination = destination, Kind = "alert", IdempotencyKey = $"a:{i}", Payload = Alert(i), Text = $"alert {i}", Created = now });
            var dispatcher = new DeliveryDispatcher(store, senders, options, TimeProvider.System);
            var watch = Stopwatch.StartNew();
            var report = await dispatcher.SendDueAsync(CancellationToken.None);
            watch.Stop();
            Console.WriteLine($"| {kind} | {report.Sent} | {watch.Elapsed.TotalSeconds:0.00} | {report.Sent / watch.Elapsed.TotalSeconds:0} |");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
        listener.Stop();
        return 0;
    }

    private static string Alert(int i) =>
        $$"""{"subscription":1,"name":"tiktok","query":"tiktok","story":"TikTok ban vote delayed {{i}}","update":false,"matched":["tiktok"],"articles":[{"id":{{i}},"title":"TikTok ban vote delayed","url":"https://news.example/{{i}}","source":"Wire","published":"2026-11-26T09:00:00+00:00"}]}""";

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
