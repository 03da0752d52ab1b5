using Anneal.Silo.Hosting;

namespace Anneal.Client.Cluster;

/// <summary>
/// Which cluster a command talks to: an in-process silo (<see cref="Local"/>), a gateway, or the silos registered
/// in Redis. Cluster and service ids must be the silos' (see src/Silo), or the gateway refuses the client.
/// </summary>
public sealed record ClusterTarget
{
    public const string DefaultGateway = "127.0.0.1:30000";
    public const string DefaultClusterId = "anneal";
    public const string DefaultServiceId = "anneal";
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);

    public bool Local { get; init; }
    public string? Gateway { get; init; }
    public string? Redis { get; init; }
    public string ClusterId { get; init; } = DefaultClusterId;
    public string ServiceId { get; init; } = DefaultServiceId;
    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;

    /// <summary>For --local: where checkpoints go (the in-process silo keeps them on disk).</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>For --local: training slots and torch threads per slot (default: one slot per core, one thread each).</summary>
    public int? Slots { get; init; }

    /// <inheritdoc cref="Slots"/>
    public int? Threads { get; init; }

    /// <summary>For --local: the sweep's --data folder, which the in-process silo may then read.</summary>
    public string? LocalDataDirectory { get; init; }

    /// <summary>
    /// How the target reads in messages, never with a password: "gateway 127.0.0.1:30000", "the cluster registered in
    /// Redis localhost:6379 (tls: off, password: set)", "a local in-process silo".
    /// </summary>
    public string Describe() =>
        Local ? "a local in-process silo"
        : Redis is not null ? $"the cluster registered in Redis {DescribeRedis(Redis)}"
        : $"gateway {Gateway ?? DefaultGateway}";

    private static string DescribeRedis(string connection)
    {
        try
        {
            return RedisConnection.Describe(RedisConnection.Parse(connection));
        }
        catch (ArgumentException)
        {
            return "(an invalid connection string)";
        }
    }
}
