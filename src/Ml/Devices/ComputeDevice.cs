using static TorchSharp.torch;

namespace Anneal.Ml.Devices;

/// <param name="Name">"cpu" or "cuda".</param>
/// <param name="Threads">Torch intra-op threads (process-wide in libtorch: the last trainer built sets them).</param>
public sealed record ComputeDevice(string Name, int Threads)
{
    public const string Cpu = "cpu";
    public const string Cuda = "cuda";
    public const string Auto = "auto";

    public static ComputeDevice Default => new(Cpu, Environment.ProcessorCount);

    /// <summary>
    /// "auto": CUDA when TorchSharp has it, else CPU. "cuda" without CUDA falls back to CPU with a clear message.
    /// Says what it chose in one log line, and MKL's kernel path in a second (see <see cref="MklKernels"/>).
    /// Also tunes glibc's allocator for training (see <see cref="NativeMemoryTuning"/>).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown device name or a thread count below 1.</exception>
    public static ComputeDevice Select(string requested, int? threads, Action<string> log)
    {
        if (requested is not (Auto or Cpu or Cuda))
        {
            throw new ArgumentException($"unknown device '{requested}'; use auto, cpu or cuda");
        }
        if (threads is < 1)
        {
            throw new ArgumentException($"threads must be at least 1 (got {threads})");
        }
        var count = threads ?? Environment.ProcessorCount;
        var tuned = NativeMemoryTuning.Apply();
        var memory = tuned ? "; glibc malloc keeps freed memory mapped" : "";
        var kernels = MklKernels.Active;
        var hasCuda = cuda.is_available();
        if (requested == Cpu || (requested == Auto && !hasCuda))
        {
            var why = requested == Cpu ? "as requested" : "CUDA not available";
            log($"Device: cpu ({why}), {ThreadCount(count)}{memory}");
            log($"Kernels: {kernels.Name} ({kernels.Reason})");
            return new ComputeDevice(Cpu, count);
        }
        if (!hasCuda)
        {
            log($"Device: cpu, {ThreadCount(count)}{memory} -- cuda was requested but this TorchSharp build has no CUDA (build with -p:AnnealCuda=true and a CUDA libtorch package)");
            log($"Kernels: {kernels.Name} ({kernels.Reason})");
            return new ComputeDevice(Cpu, count);
        }
        log($"Device: cuda ({cuda.device_count()} GPU), {ThreadCount(count)} on the CPU{memory}");
        log($"Kernels: {kernels.Name} on CPU ({kernels.Reason})");
        return new ComputeDevice(Cuda, count);
    }

    /// <summary>"1 thread", "2 threads": the count as the device's log lines say it.</summary>
    public static string ThreadCount(int threads) => threads == 1 ? "1 thread" : $"{threads} threads";

    /// <summary>Whether <see cref="Select"/> with this request will choose CUDA.</summary>
    public static bool WillUseCuda(string requested) => requested != Cpu && cuda.is_available();

    /// <summary>Sets torch's thread count and returns the torch device.</summary>
    public Device Apply()
    {
        set_num_threads(Threads);
        return device(Name);
    }
}
