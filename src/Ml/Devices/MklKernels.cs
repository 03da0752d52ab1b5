using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Anneal.Ml.Devices;

/// <summary>
/// Which of MKL's code paths libtorch's CPU matrix products take in this process, and the switch that chooses it.
/// MKL inside libtorch takes its AVX2 path on every non-Intel CPU, AVX-512 or not. Where the CPU has AVX-512, Anneal
/// loads libanneal_mkl_avx512.so (built from src/Ml/Native by build/MklAvx512Shim.targets) into the global symbol
/// scope before MKL's first call; its <c>mkl_serv_intel_cpu_true</c> takes the place of MKL's, and MKL then picks its
/// kernels from the CPU's features. It is a process-wide choice made once: <c>ANNEAL_MKL_AVX512=0</c> keeps MKL's
/// default path. See docs/kernels.md (what it changes, MKL's licence terms, the figures).
/// </summary>
public static partial class MklKernels
{
    /// <summary>MKL dispatches on the CPU's features (AVX-512 where present).</summary>
    public const string Avx512 = "mkl-avx512";

    /// <summary>MKL's own choice: AVX2 on non-Intel CPUs.</summary>
    public const string Default = "mkl-default";

    public const string SwitchVariable = "ANNEAL_MKL_AVX512";
    public const string LibraryName = "libanneal_mkl_avx512.so";

    private const int RtldNow = 0x2;
    private const int RtldGlobal = 0x100;

    private static readonly Lazy<KernelPath> _active = new(Choose);

    /// <summary>The path this process trains on: <see cref="Avx512"/> or <see cref="Default"/>, with the reason.</summary>
    /// <remarks>The first read loads the library; it must come before libtorch's first matrix product.</remarks>
    public static KernelPath Active => _active.Value;

    /// <summary>
    /// Runs when anything in Anneal.Ml is first used, so the library is in place before any trainer, model or
    /// entry point (CLI, silo, tests, benchmarks) reaches libtorch's MKL.
    /// </summary>
#pragma warning disable CA2255 // The one place that runs before every consumer of this assembly touches libtorch.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void LoadBeforeLibtorch() => _ = Active;

    private static KernelPath Choose()
    {
        if (Environment.GetEnvironmentVariable(SwitchVariable) == "0")
        {
            return new KernelPath(Default, $"{SwitchVariable}=0");
        }
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return new KernelPath(Default, "not Linux x64");
        }
        if (!Avx512F.IsSupported)
        {
            return new KernelPath(Default, "the CPU has no AVX-512");
        }
        var library = Path.Combine(AppContext.BaseDirectory, LibraryName);
        if (!File.Exists(library))
        {
            return new KernelPath(Default, $"{LibraryName} is not in {AppContext.BaseDirectory} (built without gcc?)");
        }
        if (dlopen(library, RtldNow | RtldGlobal) == IntPtr.Zero)
        {
            return new KernelPath(Default, $"{LibraryName} did not load: {Marshal.PtrToStringUTF8(dlerror())}");
        }
        return new KernelPath(Avx512, $"the CPU has AVX-512; {SwitchVariable}=0 turns it off");
    }

    [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr dlopen(string file, int mode);

    [LibraryImport("libc", EntryPoint = "dlerror")]
    private static partial IntPtr dlerror();
}
