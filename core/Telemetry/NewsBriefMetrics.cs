using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsBrief.Core.Telemetry;

/// <summary>
/// NewsBrief's OpenTelemetry instruments: one <see cref="Meter"/> named <c>NewsBrief</c> and one
/// <see cref="System.Diagnostics.ActivitySource"/> of the same name. Every project records through this
/// class (registered once by the composition root), so the exporters (OTLP, Prometheus text on
/// <c>/metrics</c>) see one consistent set of names. Tags are low-cardinality: outcome words, source
/// ids, destination kinds, model names.
/// </summary>
public sealed class NewsBriefMetrics : IDisposable
{
    public const string MeterName = "NewsBrief";
    public const string ActivitySourceName = "NewsBrief";

    private readonly Meter _meter;
    private readonly Counter<long> _polls;
    private readonly Histogram<double> _fetchDuration;
    private readonly Counter<long> _articlesStored;
    private readonly Counter<long> _stories;
    private readonly Counter<long> _alertsPlanned;
    private readonly Counter<long> _alertsSent;
    private readonly Counter<long> _alertsFailed;
    private readonly Counter<long> _modelCalls;
    private readonly Counter<long> _modelTokens;
    private readonly Counter<double> _modelCost;
    private readonly Histogram<double> _briefDuration;
    private volatile Func<long>? _outboxDepth;

    /// <param name="meterFactory">The host's factory (so the meter is disposed with the host); null makes a standalone meter.</param>
    public NewsBriefMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        ActivitySource = new ActivitySource(ActivitySourceName);
        _polls = _meter.CreateCounter<long>("newsbrief.polls", "{poll}", "Source polls, by outcome (ok, not-modified, server-error, ...)");
        _fetchDuration = _meter.CreateHistogram<double>("newsbrief.fetch.duration", "s", "Time to fetch and process one source's poll");
        _articlesStored = _meter.CreateCounter<long>("newsbrief.articles.stored", "{article}", "New articles stored");
        _stories = _meter.CreateCounter<long>("newsbrief.stories", "{story}", "Stories put into briefs");
        _alertsPlanned = _meter.CreateCounter<long>("newsbrief.alerts.planned", "{alert}", "Alerts and digests queued in the outbox");
        _alertsSent = _meter.CreateCounter<long>("newsbrief.alerts.sent", "{delivery}", "Deliveries sent, by kind and destination kind");
        _alertsFailed = _meter.CreateCounter<long>("newsbrief.alerts.failed", "{delivery}", "Delivery attempts that failed, by kind, destination kind and whether they will be retried");
        _modelCalls = _meter.CreateCounter<long>("newsbrief.model.calls", "{call}", "Model calls, by outcome (ok, fallback, error)");
        _modelTokens = _meter.CreateCounter<long>("newsbrief.model.tokens", "{token}", "Model tokens, by direction (input, output)");
        _modelCost = _meter.CreateCounter<double>("newsbrief.model.cost", "USD", "Estimated model cost");
        _briefDuration = _meter.CreateHistogram<double>("newsbrief.brief.duration", "s", "Time to compose one brief");
        _meter.CreateObservableGauge("newsbrief.outbox.depth", ObserveOutbox, "{delivery}", "Deliveries waiting in the outbox");
    }

    /// <summary>This instance's meter (each host has its own, all named <see cref="MeterName"/>).</summary>
    public Meter Meter => _meter;

    /// <summary>The source of NewsBrief's traces (a poll, a brief, a delivery).</summary>
    public ActivitySource ActivitySource { get; }

    public void RecordPoll(string sourceId, string outcome, TimeSpan elapsed, int articlesStored)
    {
        var source = new KeyValuePair<string, object?>("source", sourceId);
        _polls.Add(1, source, new KeyValuePair<string, object?>("outcome", outcome));
        _fetchDuration.Record(elapsed.TotalSeconds, source);
        if (articlesStored > 0) _articlesStored.Add(articlesStored, source);
    }

    public void RecordAlertsPlanned(int count)
    {
        if (count > 0) _alertsPlanned.Add(count);
    }

    public void RecordDeliverySent(string kind, string destinationKind) =>
        _alertsSent.Add(1, new("kind", kind), new("destination", destinationKind));

    public void RecordDeliveryFailed(string kind, string destinationKind, bool willRetry) =>
        _alertsFailed.Add(1, new("kind", kind), new("destination", destinationKind), new("retry", willRetry));

    /// <param name="outcome"><c>ok</c>, <c>cached</c>, <c>fallback</c> or <c>error</c>.</param>
    public void RecordModelCall(string model, string outcome, long inputTokens, long outputTokens)
    {
        var m = new KeyValuePair<string, object?>("model", model);
        _modelCalls.Add(1, m, new KeyValuePair<string, object?>("outcome", outcome));
        if (inputTokens > 0) _modelTokens.Add(inputTokens, m, new KeyValuePair<string, object?>("direction", "input"));
        if (outputTokens > 0) _modelTokens.Add(outputTokens, m, new KeyValuePair<string, object?>("direction", "output"));
    }

    public void RecordModelCost(string model, decimal usd)
    {
        if (usd > 0) _modelCost.Add((double)usd, new KeyValuePair<string, object?>("model", model));
    }

    public void RecordBrief(TimeSpan elapsed, int stories, string engine)
    {
        var e = new KeyValuePair<string, object?>("engine", engine);
        _briefDuration.Record(elapsed.TotalSeconds, e);
        if (stories > 0) _stories.Add(stories, e);
    }

    /// <summary>How the outbox depth gauge reads the store (set by the composition root; 0 until then).</summary>
    public void ObserveOutboxWith(Func<long> depth) => _outboxDepth = depth;

    private long ObserveOutbox()
    {
        try { return _outboxDepth?.Invoke() ?? 0; }
        catch (Exception) { return 0; } // a collection must never throw into the exporter
    }

    public void Dispose()
    {
        ActivitySource.Dispose();
        _meter.Dispose();
    }
}
