using Anneal.Silo.Datasets;
using Anneal.Silo.Hosting;

namespace Anneal.Client.Cluster;

/// <summary>
/// <c>--local</c>: a whole cluster inside the anneal process (the silo from src/Silo with localhost clustering on free
/// loopback ports, in-memory state, checkpoints in a folder, one training slot per core with one thread each, or one
/// per GPU; --slots and --threads change that).
/// State lives in memory, so when the command ends nothing can resume; checkpoints in a folder this class chose are
/// removed then.
/// </summary>
internal sealed class LocalCluster(LocalSilo silo, string checkpoints, bool removeCheckpoints) : IAnnealCluster
{
    public IGrainFactory Grains => silo.Grains;

    public static async Task<IAnnealCluster> StartAsync(ClusterTarget target, CancellationToken cancellationToken)
    {
        var checkpoints = target.CheckpointDirectory
            ?? Path.Combine(Path.GetTempPath(), "anneal-local", $"checkpoints-{Guid.NewGuid():N}");
        try
        {
            var silo = await LocalSilo.StartAsync(new LocalSiloOptions
            {
                CheckpointDirectory = checkpoints,
                Slots = target.Slots,
                Threads = target.Threads,
                // The user's own machine: a --data folder outside the default data roots is allowed here.
                Configure = target.LocalDataDirectory is { } data
                    ? o => o.DataRoot = string.Join(':', new DataRoots(null).Folders.Append(data))
                    : null,
            }, cancellationToken);
            return new LocalCluster(silo, checkpoints, removeCheckpoints: target.CheckpointDirectory is null);
        }
        catch (AnnealConfigurationException e)
        {
            throw new Cli.CliException(ExitCodes.UsageError, $"Cannot start the local silo: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await silo.DisposeAsync();
        if (removeCheckpoints && Directory.Exists(checkpoints))
            Directory.Delete(checkpoints, recursive: true);
    }
}
