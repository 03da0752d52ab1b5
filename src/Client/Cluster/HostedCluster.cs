using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anneal.Client.Cluster;

/// <summary>A started host that gives access to grains: an Orleans client, or an in-process silo.</summary>
internal sealed class HostedCluster(IHost host, bool isLocal) : IAnnealCluster
{
    public IGrainFactory Grains { get; } = host.Services.GetRequiredService<IGrainFactory>();

    public bool IsLocal { get; } = isLocal;

    public async ValueTask DisposeAsync()
    {
        // A local silo checkpoints and hands back its runs on stop; give it time to do so.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(IsLocal ? 30 : 5));
        try
        {
            await host.StopAsync(timeout.Token);
        }
        finally
        {
            host.Dispose();
        }
    }
}
