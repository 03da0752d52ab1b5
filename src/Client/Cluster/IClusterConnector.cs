namespace Anneal.Client.Cluster;

/// <summary>Opens a connection to a cluster; commands never build Orleans clients themselves.</summary>
public interface IClusterConnector
{
    /// <summary>Connects within the target's timeout, or throws a <see cref="Cli.CliException"/> saying what could not be reached.</summary>
    Task<IAnnealCluster> ConnectAsync(ClusterTarget target, CancellationToken cancellationToken);
}
