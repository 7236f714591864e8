using System.ComponentModel.DataAnnotations;

namespace NewsBrief.Bot.Configuration;

/// <summary>Where telemetry goes (section <c>Telemetry</c>). With no endpoint, metrics stay in process (the web app's /metrics reads them).</summary>
public sealed record TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>OTLP collector, e.g. http://127.0.0.1:4317; OTEL_EXPORTER_OTLP_ENDPOINT when unset. Default none.</summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>The service.name resource attribute. Default newsbrief.</summary>
    [Required]
    public string ServiceName { get; init; } = "newsbrief";
}
