namespace Anneal.Ml.Data;

/// <summary>
/// Labelled images with learnable class structure and no files: each class has a fixed coarse 8x8 pattern per
/// channel (one value per patch, so TinyViT's patch embedding sees it directly), and each image is its class's
/// pattern blended with per-pixel noise. A model that learns drives the loss well below ln(10).
/// </summary>
public static class SyntheticDataset
{
    public const int DefaultTrainCount = 10_000;
    public const int DefaultTestCount = 1_000;
    private const int Classes = 10;
    private const int Side = InMemoryImageDataset.Side;
    private const int Cell = 4; // 32/4 = 8 cells per side
    private const int ImagesPerChunk = 1_000;

    /// <param name="chunkMade">Called each time another <see cref="ImagesPerChunk"/> images are drawn: the load's progress, as for files.</param>
    public static DatasetSplits Create(int trainCount = DefaultTrainCount, int testCount = DefaultTestCount, int channels = 3, int seed = 0,
        Action? chunkMade = null)
    {
        var patterns = new Random(seed);
        var prototypes = new byte[Classes][];
        for (var c = 0; c < Classes; c++)
        {
            var coarse = new byte[channels * (Side / Cell) * (Side / Cell)];
            patterns.NextBytes(coarse);
            prototypes[c] = new byte[channels * Side * Side];
            for (var ch = 0; ch < channels; ch++)
            for (var y = 0; y < Side; y++)
            for (var x = 0; x < Side; x++)
            {
                prototypes[c][(ch * Side + y) * Side + x] = coarse[(ch * (Side / Cell) + y / Cell) * (Side / Cell) + x / Cell];
            }
        }
        return new DatasetSplits(
            Draw("synthetic-train", trainCount, channels, prototypes, seed * 2 + 1, chunkMade),
            Draw("synthetic-test", testCount, channels, prototypes, seed * 2 + 2, chunkMade));
    }

    private static InMemoryImageDataset Draw(string name, int count, int channels, byte[][] prototypes, int seed, Action? chunkMade)
    {
        var random = new Random(seed);
        var imageBytes = channels * Side * Side;
        var pixels = new byte[(long)count * imageBytes];
        var labels = new byte[count];
        var noise = new byte[imageBytes];
        for (var i = 0; i < count; i++)
        {
            var label = (byte)random.Next(Classes);
            labels[i] = label;
            random.NextBytes(noise);
            var prototype = prototypes[label];
            var image = pixels.AsSpan((int)((long)i * imageBytes), imageBytes);
            for (var p = 0; p < imageBytes; p++)
            {
                image[p] = (byte)((prototype[p] * 3 + noise[p] * 2) / 5);
            }
            if ((i + 1) % ImagesPerChunk == 0) chunkMade?.Invoke();
        }
        return new InMemoryImageDataset(name, channels, Classes, pixels, labels);
    }
}
