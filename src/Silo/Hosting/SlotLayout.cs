namespace Anneal.Silo.Hosting;

/// <summary>
/// How a silo splits its CPU cores into training slots: a fixed rule from the core count, never a measurement at start,
/// so the same machine always trains the same numbers. Without --slots or --threads: one slot per core, one torch
/// thread each, the fastest layout measured on 2 cores (docs/performance.md, "Slot layout"). Given one of them, the
/// other divides the cores; given both, they are used as they are.
/// </summary>
public sealed record SlotLayout(int Slots, int Threads)
{
    public static SlotLayout ForCpu(int? slots, int? threads, int cores) => (slots, threads) switch
    {
        ({ } s, { } t) => new SlotLayout(s, t),
        ({ } s, null) => new SlotLayout(s, Math.Max(1, cores / s)),
        (null, { } t) => new SlotLayout(Math.Max(1, cores / t), t),
        (null, null) => new SlotLayout(Math.Max(1, cores), 1),
    };
}
