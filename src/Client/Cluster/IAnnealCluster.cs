namespace Anneal.Client.Cluster;

/// <summary>A connected cluster; disposing it closes the connection (and stops an in-process silo).</summary>
public interface IAnnealCluster : IAsyncDisposable
{
    IGrainFactory Grains { get; }
}
