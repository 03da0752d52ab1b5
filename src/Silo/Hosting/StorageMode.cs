namespace Anneal.Silo.Hosting;

/// <summary>Where grain state (sweeps, runs, the queue) is kept.</summary>
public enum StorageMode
{
    /// <summary>In the silo's memory: lost with the last silo.</summary>
    Memory,
    /// <summary>In Redis: survives any silo.</summary>
    Redis,
}
