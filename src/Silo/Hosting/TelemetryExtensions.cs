using Anneal.Grains.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Anneal.Silo.Hosting;

/// <summary>
/// Metrics and health for operators: one Prometheus endpoint with Anneal's, Orleans' and the .NET runtime's
/// instruments, and the health endpoints Kubernetes probes.
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    private const string OrleansMeter = "Microsoft.Orleans";
    private const string ReadyTag = "ready";

    /// <summary>
    /// Exports the "Anneal", "Microsoft.Orleans" and .NET runtime meters for Prometheus scraping, under the service name
    /// <paramref name="serviceName"/> (Prometheus' target_info), and registers the readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddAnnealTelemetry(this IHostApplicationBuilder builder, string serviceName = "anneal-silo")
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName,
                serviceVersion: typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString(),
                // The pod name in Kubernetes; elsewhere the host name and process id tell silos apart.
                serviceInstanceId: Environment.GetEnvironmentVariable("POD_NAME") ?? $"{Environment.MachineName}-{Environment.ProcessId}"))
            .WithMetrics(metrics => metrics
                .AddMeter(InstrumentNames.Meter, OrleansMeter)
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        builder.Services.AddHealthChecks()
            .AddCheck<ClusterMembershipHealthCheck>("orleans-membership", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Maps <see cref="MetricsPath"/>, <see cref="LivePath"/> (the process answers HTTP) and <see cref="ReadyPath"/>
    /// (the silo is an active member of its cluster). Health answers carry only the status word, never details.
    /// </summary>
    public static IEndpointRouteBuilder MapAnnealTelemetry(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath);
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
