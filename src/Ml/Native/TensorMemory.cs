using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Anneal.Ml.Native;

/// <summary>
/// The elements of a contiguous CPU float tensor as a span, for code that fills a tensor faster than a copy from a
/// managed array would. TorchSharp exposes no span over tensor memory; <c>THSTensor_data</c> is the exported function
/// of its native library that returns the tensor's data pointer (libtorch's <c>data_ptr</c>).
/// </summary>
internal static unsafe partial class TensorMemory
{
    [LibraryImport("LibTorchSharp")]
    private static partial IntPtr THSTensor_data(IntPtr tensor);

    /// <summary>The span is valid while <paramref name="tensor"/> is alive and not resized.</summary>
    public static Span<float> Floats(Tensor tensor)
    {
        if (tensor.device_type != DeviceType.CPU || tensor.dtype != ScalarType.Float32 || !tensor.is_contiguous())
        {
            throw new ArgumentException("a contiguous float32 CPU tensor is needed", nameof(tensor));
        }
        return new Span<float>((void*)THSTensor_data(tensor.Handle), checked((int)tensor.numel()));
    }
}
