using Anneal.Contracts.Datasets;
using Anneal.Ml.Data;
using Anneal.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Anneal.Silo.Datasets;

/// <summary>
/// Tells the pool's <see cref="IDatasetInventoryGrain"/> which datasets this silo can load (its default places and
/// the dataset folders under its data roots) once it has joined the cluster and then every
/// <see cref="IDatasetInventoryGrain.PublishInterval"/>, so <c>sweep start</c> can refuse a sweep no silo can train.
/// </summary>
public sealed partial class DatasetInventoryPublisher(
    IOptions<AnnealSiloOptions> options,
    DataRoots roots,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<DatasetInventoryPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await HostStarted.WaitAsync(lifetime, stoppingToken)) return;

        var inventory = grains.GetGrain<IDatasetInventoryGrain>(options.Value.Pool);
        using var timer = new PeriodicTimer(IDatasetInventoryGrain.PublishInterval, time);
        do
        {
            try
            {
                var found = Scan();
                await inventory.Publish(new SiloDatasets(silo.SiloAddress.ToParsableString(), found, time.GetUtcNow().UtcDateTime));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPublishFailed(e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Each dataset's default place, and every folder under the data roots that holds a dataset.</summary>
    public IReadOnlyList<DatasetFolder> Scan()
    {
        var found = new List<DatasetFolder>();
        foreach (var name in DatasetCatalog.Downloadable)
        {
            if (DatasetCatalog.TryLocate(name) is { } location) found.Add(new DatasetFolder(name, location.Path, IsDefault: true));
        }
        found.Add(new DatasetFolder(DatasetCatalog.Synthetic, "memory", IsDefault: true));
        foreach (var folder in roots.CandidateFolders())
        {
            foreach (var name in DatasetCatalog.Downloadable)
            {
                if (DatasetCatalog.TryLocate(name, folder) is not null) found.Add(new DatasetFolder(name, folder, IsDefault: false));
            }
        }
        return found;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish this silo's datasets; sweep start may refuse sweeps until the next try")]
    private partial void LogPublishFailed(Exception exception);
}
