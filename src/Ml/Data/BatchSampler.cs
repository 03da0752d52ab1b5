using Anneal.Ml.Randomness;

namespace Anneal.Ml.Data;

/// <summary>
/// The study's <c>sample_batch</c>: each step draws <c>batchSize</c> indices uniformly WITH replacement. The generator
/// is <see cref="SplitMix64"/>, whose whole state is one <see cref="ulong"/> that a checkpoint stores and restores.
/// </summary>
public sealed class BatchSampler
{
    private readonly IImageDataset _dataset;
    private readonly int _imageBytes;

    public BatchSampler(IImageDataset dataset, int batchSize, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (dataset.Count == 0)
        {
            throw new DatasetException($"{dataset.Name}: the training split is empty");
        }
        _dataset = dataset;
        _imageBytes = dataset.Channels * InMemoryImageDataset.Side * InMemoryImageDataset.Side;
        BatchSize = batchSize;
        State = SplitMix64.Gamma ^ (ulong)(uint)seed;
        Pixels = new byte[batchSize * _imageBytes];
        Labels = new long[batchSize];
    }

    public int BatchSize { get; }
    /// <summary>The generator's state; set it to replay from a checkpoint.</summary>
    public ulong State { get; set; }
    /// <summary>The last batch's images, NCHW uint8 (reused between calls).</summary>
    public byte[] Pixels { get; }
    /// <summary>The last batch's labels (reused between calls).</summary>
    public long[] Labels { get; }

    /// <summary>Draws the next batch into <see cref="Pixels"/> and <see cref="Labels"/>.</summary>
    public void Next()
    {
        var pixels = _dataset.Pixels;
        var labels = _dataset.Labels;
        for (var i = 0; i < BatchSize; i++)
        {
            var index = NextIndex((uint)_dataset.Count);
            pixels.Slice(index * _imageBytes, _imageBytes).CopyTo(Pixels.AsSpan(i * _imageBytes, _imageBytes));
            Labels[i] = labels[index];
        }
    }

    /// <summary>Uniform in [0, count): the high 32 bits of SplitMix64 scaled by Lemire's multiply-shift.</summary>
    public int NextIndex(uint count) => (int)(((NextUInt64() >> 32) * count) >> 32);

    private ulong NextUInt64() => SplitMix64.Mix(State += SplitMix64.Gamma);
}
