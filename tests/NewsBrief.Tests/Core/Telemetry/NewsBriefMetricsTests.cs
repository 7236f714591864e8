using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NewsBrief.Bot.Briefing;
using NewsBrief.Core.Telemetry;
using NewsBrief.Tests.Bot.Alerts;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Core.Telemetry;

/// <summary>The composition's one NewsBrief meter, read with a MeterListener while real polls, alerts and briefs run.</summary>
public sealed class NewsBriefMetricsTests
{
    private static readonly DateTimeOffset Morning = AlertFixture.Start.AddHours(-1);

    [Fact]
    public async Task PollAlertAndBrief_RecordPollsByOutcomeArticlesAlertsOutboxAndBriefDuration()
    {
        await using var f = new AlertFixture();
        var metrics = f.Host.Services.GetRequiredService<NewsBriefMetrics>();
        using var recorded = new Recorder(metrics.Meter);
        f.Subscribe("tiktok");
        f.SetFeed("wire", new RssBuilder()
            .Item("TikTok fined in Ireland", "https://wire.example/1", "TikTok was fined by the regulator.", Morning)
            .Item("Rain expected over the weekend", "https://wire.example/2", "Weather news.", Morning));
        f.Server.MapStatus("/paper.xml", 503);

        await f.PollAsync();
        f.Alerting.Scanner.Scan();
        recorded.Observe();
        var depthBeforeSending = recorded.Last("newsbrief.outbox.depth");
        await f.Alerting.Dispatcher.SendDueAsync(CancellationToken.None);
        recorded.Observe();
        var brief = await f.Services.BriefService.CreateAsync(TimeSpan.FromDays(1), BriefScope.All, newOnly: false, CancellationToken.None);

        Assert.Equal(1, recorded.Sum("newsbrief.polls", ("outcome", "ok"), ("source", "wire")));
        Assert.Equal(1, recorded.Sum("newsbrief.polls", ("source", "paper")));
        Assert.Equal(0, recorded.Sum("newsbrief.polls", ("outcome", "ok"), ("source", "paper")));
        Assert.Equal(2, recorded.Sum("newsbrief.articles.stored", ("source", "wire")));
        Assert.Equal(2, recorded.Count("newsbrief.fetch.duration"));
        Assert.Equal(1, recorded.Sum("newsbrief.alerts.planned"));
        Assert.Equal((1, 0), (depthBeforeSending, recorded.Last("newsbrief.outbox.depth")));
        Assert.Equal(1, recorded.Sum("newsbrief.alerts.sent", ("kind", "alert"), ("destination", "console")));
        Assert.Equal(1, recorded.Count("newsbrief.brief.duration"));
        Assert.Equal(brief.Stories.Count, recorded.Sum("newsbrief.stories"));
    }

    [Fact]
    public void EachHost_HasItsOwnMeterNamedNewsBrief()
    {
        using var a = new NewsBriefMetrics();
        using var b = new NewsBriefMetrics();

        Assert.Equal((NewsBriefMetrics.MeterName, NewsBriefMetrics.MeterName), (a.Meter.Name, b.Meter.Name));
        Assert.NotSame(a.Meter, b.Meter);
        Assert.Equal(NewsBriefMetrics.ActivitySourceName, a.ActivitySource.Name);
    }

    /// <summary>Measurements of one meter instance only: tests in parallel have meters of the same name.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, string?> Tags)> _all = new();

        public Recorder(Meter meter)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter)) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
            _listener.Start();
        }

        public void Observe() => _listener.RecordObservableInstruments();

        public double Sum(string name, params (string Key, string Value)[] tags) => Matching(name, tags).Sum(m => m.Value);

        public int Count(string name) => Matching(name, []).Count();

        public double Last(string name) => Matching(name, []).Last().Value;

        private IEnumerable<(string Name, double Value, Dictionary<string, string?> Tags)> Matching(string name, (string Key, string Value)[] tags) =>
            _all.Where(m => m.Name == name && tags.All(t => m.Tags.GetValueOrDefault(t.Key) == t.Value));

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var map = new Dictionary<string, string?>();
            foreach (var t in tags) map[t.Key] = t.Value?.ToString();
            _all.Enqueue((instrument.Name, value, map));
        }

        public void Dispose() => _listener.Dispose();
    }
}
