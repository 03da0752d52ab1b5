using Anneal.Ml.Data;

namespace Anneal.Ml.Tests.Data;

public sealed class SyntheticAndSamplerTests
{
    [Fact]
    public void Synthetic_IsTheSameForTheSameSeed_AndDiffersForAnother()
    {
        var a = SyntheticDataset.Create(50, 10, channels: 1, seed: 3);
        var b = SyntheticDataset.Create(50, 10, channels: 1, seed: 3);
        var c = SyntheticDataset.Create(50, 10, channels: 1, seed: 4);
        Assert.True(a.Train.Pixels.SequenceEqual(b.Train.Pixels));
        Assert.False(a.Train.Pixels.SequenceEqual(c.Train.Pixels));
        Assert.All(a.Train.Labels.ToArray(), l => Assert.InRange(l, 0, 9));
    }

    [Fact]
    public void Synthetic_ImagesOfAClassAreCloserToEachOtherThanToOtherClasses()
    {
        var train = SyntheticDataset.Create(400, 1, channels: 3).Train;
        var byClass = Enumerable.Range(0, train.Count).GroupBy(i => train.Labels[i]).ToDictionary(g => g.Key, g => g.ToArray());
        var (first, second) = (byClass.Keys.First(), byClass.Keys.Skip(1).First());
        Assert.True(Distance(train, byClass[first][0], byClass[first][1]) < Distance(train, byClass[first][0], byClass[second][0]));
    }

    [Fact]
    public void Sampler_DrawsWithReplacement_Reproducibly_AndReplaysFromItsState()
    {
        var train = SyntheticDataset.Create(20, 1, channels: 1).Train;
        var sampler = new BatchSampler(train, batchSize: 64, seed: 7);
        sampler.Next();
        var state = sampler.State;
        sampler.Next();
        var second = sampler.Labels.ToArray();
        var secondPixels = sampler.Pixels.ToArray();

        var replay = new BatchSampler(train, batchSize: 64, seed: 99) { State = state };
        replay.Next();

        Assert.Equal(second, replay.Labels);
        Assert.Equal(secondPixels, replay.Pixels);
    }

    [Fact]
    public void Sampler_IndicesCoverTheRangeUniformly()
    {
        var train = SyntheticDataset.Create(10, 1, channels: 1).Train;
        var sampler = new BatchSampler(train, batchSize: 1, seed: 0);
        var counts = new int[10];
        for (var i = 0; i < 20_000; i++)
        {
            counts[sampler.NextIndex(10)]++;
        }
        Assert.All(counts, c => Assert.InRange(c, 1_800, 2_200));
    }

    private static double Distance(IImageDataset set, int a, int b)
    {
        var size = set.Channels * 1024;
        var x = set.Pixels.Slice(a * size, size);
        var y = set.Pixels.Slice(b * size, size);
        double sum = 0;
        for (var i = 0; i < size; i++)
        {
            sum += Math.Abs(x[i] - y[i]);
        }
        return sum;
    }
}
