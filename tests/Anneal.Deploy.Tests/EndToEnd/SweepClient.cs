using Anneal.Contracts;
using Anneal.Contracts.Specs;
using Anneal.Contracts.Sweeps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Anneal.Deploy.Tests.EndToEnd;

/// <summary>An Orleans client connected to a localhost-clustered silo's gateway, starting and following sweeps.</summary>
public sealed class SweepClient : IAsyncDisposable
{
    private readonly IHost _host;

    private SweepClient(IHost host) => _host = host;

    private IClusterClient Grains => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<SweepClient> ConnectAsync(int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders(); // the test reports what went wrong itself
        // The silo's default cluster and service ids (src/Silo appsettings.json).
        builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort, serviceId: "anneal", clusterId: "anneal"));
        var host = builder.Build();
        await host.StartAsync();
        return new SweepClient(host);
    }

    public async Task<string> StartAsync(SweepSpec spec)
    {
        var sweepId = SweepIds.New();
        await Grains.GetGrain<ISweepGrain>(sweepId).Start(spec);
        return sweepId;
    }

    public Task<SweepSummary> GetSummaryAsync(string sweepId) => Grains.GetGrain<ISweepGrain>(sweepId).GetSummary();

    public Task<SweepSummary> CancelAsync(string sweepId) => Grains.GetGrain<ISweepGrain>(sweepId).Cancel();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
