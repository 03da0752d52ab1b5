using static TorchSharp.torch;

namespace Anneal.Ml.Optimization;

/// <summary>Raw, exact tensor round trips for checkpoints: shape check plus the bytes, nothing lossy.</summary>
public static class TensorIO
{
    public static void Write(BinaryWriter writer, Tensor tensor)
    {
        // The scope holds the temporary between cpu() and contiguous(), so its finalizer cannot free it while libtorch
        // reads it (the exposure docs/training.md, "Scalars", describes for Scalars).
        using var scope = NewDisposeScope();
        using var cpu = tensor.cpu().contiguous();
        writer.Write(cpu.numel());
        var bytes = cpu.bytes;
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    /// <summary>Reads into <paramref name="target"/>, which must have the written element count.</summary>
    public static void Read(BinaryReader reader, Tensor target)
    {
        var count = reader.ReadInt64();
        if (count != target.numel())
        {
            throw new InvalidDataException($"checkpoint tensor has {count} elements, expected {target.numel()}");
        }
        var length = reader.ReadInt32();
        var bytes = reader.ReadBytes(length);
        if (bytes.Length != length || length != count * target.element_size())
        {
            throw new EndOfStreamException($"checkpoint tensor data ends after {bytes.Length} of {length} bytes");
        }
        using var cpu = empty(target.shape, target.dtype, CPU);
        cpu.bytes = bytes;
        using var noGrad = no_grad();
        target.copy_(cpu);
    }
}
