namespace Anneal.Client.Cluster;

/// <summary>A connected cluster; disposing it closes the connection (and stops an in-process silo).</summary>
public interface IAnnealCluster : IAsyncDisposable
{
    IGrainFactory Grains { get; }

    /// <summary>True when the cluster lives in this process: the sweep ends when the command does.</summary>
    bool IsLocal { get; }
}
