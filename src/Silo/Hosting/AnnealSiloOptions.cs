namespace Anneal.Silo.Hosting;

/// <summary>
/// The silo's settings, all under the "Anneal" section: appsettings.json, then environment variables
/// (ANNEAL_Anneal__Slots=2), then the command line (--slots 2, see <see cref="AnnealCommandLine"/>).
/// </summary>
public sealed class AnnealSiloOptions
{
    public const string Section = "Anneal";
    public const string RedisCheckpoints = "redis";

    public ClusteringMode Clustering { get; set; } = ClusteringMode.Localhost;

    public StorageMode Storage { get; set; } = StorageMode.Memory;

    /// <summary>
    /// StackExchange.Redis connection string, e.g. "redis:6379,password=…,ssl=true". Needed by Redis clustering, storage
    /// or checkpoints; outside localhost clustering it must carry a password. Never logged with the password.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>HTTP port (metrics, health); 0 takes any free port on loopback (tests, several silos on one machine).</summary>
    public int HttpPort { get; set; } = 8080;

    /// <summary>
    /// The IP address this silo tells others to reach it at. Default: 127.0.0.1 with localhost clustering, the pod IP in
    /// Kubernetes, else this host's first IPv4 address. With a loopback address the silo also listens on loopback only.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// Training slots, each training one run at a time on its own thread. Default: one per GPU, else one per core
    /// (<see cref="SlotLayout"/>).
    /// </summary>
    public int? Slots { get; set; }

    /// <summary>cpu, cuda or auto (CUDA when present).</summary>
    public string Device { get; set; } = "auto";

    /// <summary>Torch CPU threads per slot. Default: one, or the machine's cores divided among --slots (<see cref="SlotLayout"/>).</summary>
    public int? Threads { get; set; }

    /// <summary>Where checkpoints go: a folder (one machine), or "redis" (any silo can resume any run).</summary>
    public string Checkpoints { get; set; } = "checkpoints";

    /// <summary>
    /// The checkpoint folder is one volume every silo of the cluster mounts (NFS, a ReadWriteMany claim). Required for a
    /// folder with Redis clustering: otherwise a run checkpointed on one machine cannot resume on another.
    /// </summary>
    public bool CheckpointsShared { get; set; }

    /// <summary>Datasets a silo keeps loaded at once; the least recently used is dropped beyond this.</summary>
    public int DatasetCacheSize { get; set; } = 4;

    public string ClusterId { get; set; } = "anneal";

    public string ServiceId { get; set; } = "anneal";

    /// <summary>
    /// Folders a spec's data folder must lie under, joined with ':' (default: the per-user data cache, Debian's
    /// /usr/share/datasets and the embedded Fashion-MNIST subset).
    /// </summary>
    public string? DataRoot { get; set; }

    /// <summary>The worker pool this silo's slots lease runs from (a sweep's spec names its pool).</summary>
    public string Pool { get; set; } = Contracts.Specs.SweepSpec.DefaultPool;

    /// <summary>How long a lease lasts without renewal: a dead or frozen silo's runs restart elsewhere after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a training slot renews its lease; this is also how fast it notices a cancelled run.</summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A training slot renews its lease only while its attempt advances: a dataset load that reads no chunk (a MiB), or a
    /// trainer that completes no training step, evaluation batch or hand-over to the reporter, for this long is
    /// abandoned, and its run lapses and resumes elsewhere from its last checkpoint. Longer than the slowest step,
    /// evaluation batch or MiB read the cluster's hardware and storage take.
    /// </summary>
    public TimeSpan StallTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Lets the silo read faults to suffer from the ANNEAL_TEST_FAULTS environment variable (crash or hang a run's
    /// worker). For tests only; no shipped configuration sets it (docs/cluster.md, "Test faults").
    /// </summary>
    public bool TestFaults { get; set; }

    /// <summary>
    /// How long an idle slot waits before asking the queue again. Short, because a new sweep waits this long for its
    /// first run to start; one lease call per idle slot every 200 ms is nothing to the queue grain.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Lets the gateway listen on a non-loopback address although it has no TLS and no authentication. Only where a
    /// firewall or NetworkPolicy admits trusted clients alone (deploy/k8s/base/silo/networkpolicy.yaml does).
    /// </summary>
    public bool Insecure { get; set; }

    /// <summary>Whether this silo trains at all (false: grains only, e.g. a control-plane benchmark).</summary>
    public bool Train { get; set; } = true;

    public bool UsesRedis =>
        Clustering != ClusteringMode.Localhost || Storage == StorageMode.Redis || CheckpointsInRedis;

    public bool CheckpointsInRedis => string.Equals(Checkpoints, RedisCheckpoints, StringComparison.OrdinalIgnoreCase);
}
