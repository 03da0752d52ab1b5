using System.Runtime.InteropServices;

namespace Anneal.Ml.Devices;

/// <summary>
/// By default glibc returns large freed blocks (a step's activations) to the OS and page-faults them back in on the
/// next step. Raising the mmap threshold to 32 MiB and the trim threshold to 4 GiB keeps them in the heap: the same
/// as <c>GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=4294967296</c>, but applied
/// in-process with <c>mallopt</c>, so every entry point gets it. Set <c>ANNEAL_MALLOC_TUNING=0</c> to leave glibc's
/// defaults (to measure the difference). See docs/performance.md for the figures.
/// </summary>
public static partial class NativeMemoryTuning
{
    private const int MallocTrimThreshold = -1; // M_TRIM_THRESHOLD
    private const int MallocMmapThreshold = -3; // M_MMAP_THRESHOLD
    private const int MmapThresholdBytes = 32 * 1024 * 1024; // glibc's maximum on 64-bit
    private const int TrimThresholdBytes = int.MaxValue; // mallopt takes an int; 2 GiB is beyond any step's working set
    private static int _applied;

    /// <returns>Whether the tuning is in effect.</returns>
    public static bool Apply()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("ANNEAL_MALLOC_TUNING") == "0")
        {
            return false;
        }
        if (Interlocked.Exchange(ref _applied, 1) == 1)
        {
            return true;
        }
        try
        {
            return mallopt(MallocMmapThreshold, MmapThresholdBytes) == 1 && mallopt(MallocTrimThreshold, TrimThresholdBytes) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (e.g. musl): nothing to tune
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int parameter, int value);
}
