using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SkillsMatch.Access;
using SkillsMatch.Api.Access;
using SkillsMatch.Storage;
using SkillsMatch.Telemetry;

namespace SkillsMatch.Api.Telemetry;

/// <summary>
/// OpenTelemetry for the API (docs/observability.md): metrics from ASP.NET Core, HttpClient, Npgsql and SkillsMatch's
/// own meters, always scraped at <c>GET /metrics</c> (Prometheus text, admin key only); traces and logs too, exported
/// over OTLP when <c>Telemetry:OtlpEndpoint</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Console logs carry the
/// trace and span ids in their scopes either way.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "skillsmatch-api";

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        var configured = builder.Configuration["Telemetry:OtlpEndpoint"];
        var fromEnvironment = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(SkillsMatchTelemetry.Name, ReadRouting.MeterName)
                .AddPrometheusExporter());
        if (string.IsNullOrWhiteSpace(configured) && string.IsNullOrWhiteSpace(fromEnvironment)) return;
        // Spans cost only when someone receives them.
        telemetry.WithTracing(tracing => tracing
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddNpgsql()
            .AddSource(SkillsMatchTelemetry.Name));
        builder.Logging.AddOpenTelemetry(logging => logging.IncludeScopes = true);
        if (!string.IsNullOrWhiteSpace(configured)) telemetry.UseOtlpExporter(OtlpExportProtocol.HttpProtobuf, new Uri(configured));
        else telemetry.UseOtlpExporter();
    }

    /// <summary>The Prometheus scrape endpoint; metrics say how the service is used, so only an admin key reads them.</summary>
    public static void MapTelemetry(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint("/metrics").RequireRoles(Role.Admin).ExcludeFromDescription();
}
