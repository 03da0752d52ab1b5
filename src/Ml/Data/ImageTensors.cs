using TorchSharp;
using static TorchSharp.torch;

namespace Anneal.Ml.Data;

/// <summary>Bytes of whole images as the model reads them: float32 in [0, 1], <c>[count, channels, 32, 32]</c>.</summary>
public static class ImageTensors
{
    // Held for the life of the process, so the finalizer never frees it mid-call (docs/training.md, "Scalars").
    private static readonly Scalar MaxPixel = 255.ToScalar();

    public static Tensor FromPixels(byte[] pixels, long count, int channels, Device device) =>
        tensor(pixels, [count, channels, InMemoryImageDataset.Side, InMemoryImageDataset.Side])
            .to(device).to_type(ScalarType.Float32).div_(MaxPixel);
}
