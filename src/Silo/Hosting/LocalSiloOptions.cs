using Microsoft.Extensions.Logging;

namespace Anneal.Silo.Hosting;

/// <summary>Settings for a silo hosted inside another program (`anneal sweep start --local`, tests, benchmarks).</summary>
public sealed class LocalSiloOptions
{
    /// <summary>Folder for checkpoints; the run resumes from here if this process is restarted with the same state store.</summary>
    public string CheckpointDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "anneal-checkpoints");

    /// <summary>Training slots; default one per core (CPU) or one per GPU (<see cref="SlotLayout"/>).</summary>
    public int? Slots { get; set; }

    /// <summary>Torch threads per slot; default one, or the cores divided among <see cref="Slots"/>.</summary>
    public int? Threads { get; set; }

    public string Device { get; set; } = "auto";

    /// <summary>Whether to train at all (false: grains only).</summary>
    public bool Train { get; set; } = true;

    /// <summary>Memory (default) or Redis state; Redis needs <see cref="Redis"/>.</summary>
    public StorageMode Storage { get; set; } = StorageMode.Memory;

    public string? Redis { get; set; }

    /// <summary>Ports for the in-process silo; 0 picks free loopback ports.</summary>
    public int SiloPort { get; set; }

    public int GatewayPort { get; set; }

    /// <summary>Changes how the grains pace writes and retries (e.g. a benchmark's write-through mode).</summary>
    public Action<Anneal.Grains.Hosting.AnnealGrainOptions>? ConfigureGrains { get; set; }

    /// <summary>Changes anything else, e.g. lease timings.</summary>
    public Action<AnnealSiloOptions>? Configure { get; set; }

    /// <summary>Where the silo logs; by default warnings and errors go nowhere but a caller-provided logger.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}
