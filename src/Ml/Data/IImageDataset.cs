namespace Anneal.Ml.Data;

/// <summary>Labelled images held as uint8 in memory, NCHW, always 32x32 (smaller images are padded).</summary>
public interface IImageDataset
{
    string Name { get; }
    int Count { get; }
    /// <summary>3 for CIFAR-10, 1 for Fashion-MNIST.</summary>
    int Channels { get; }
    int Classes { get; }
    /// <summary>Count * Channels * 32 * 32 bytes.</summary>
    ReadOnlySpan<byte> Pixels { get; }
    /// <summary>Count bytes, each below <see cref="Classes"/>.</summary>
    ReadOnlySpan<byte> Labels { get; }
}
