namespace Anneal.Ml.Data;

/// <summary>The one <see cref="IImageDataset"/> implementation: every reader fills arrays and hands them here.</summary>
public sealed class InMemoryImageDataset : IImageDataset
{
    public const int Side = 32;
    private readonly byte[] _pixels;
    private readonly byte[] _labels;

    public InMemoryImageDataset(string name, int channels, int classes, byte[] pixels, byte[] labels)
    {
        if (pixels.Length != (long)labels.Length * channels * Side * Side)
        {
            throw new ArgumentException($"{name}: {pixels.Length} pixel bytes do not make {labels.Length} images of {channels}x{Side}x{Side}");
        }
        Name = name;
        Channels = channels;
        Classes = classes;
        _pixels = pixels;
        _labels = labels;
    }

    public string Name { get; }
    public int Count => _labels.Length;
    public int Channels { get; }
    public int Classes { get; }
    public ReadOnlySpan<byte> Pixels => _pixels;
    public ReadOnlySpan<byte> Labels => _labels;
    public int ImageBytes => Channels * Side * Side;
}
