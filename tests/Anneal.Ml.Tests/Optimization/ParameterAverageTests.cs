using Anneal.Ml.Optimization.Averaging;
using static TorchSharp.torch;

namespace Anneal.Ml.Tests.Optimization;

public sealed class ParameterAverageTests
{
    [Fact]
    public void Polyak_IsTheUniformMeanOfEveryUpdate()
    {
        using var initial = tensor(new[] { 100f });
        using var polyak = new PolyakAverage(initial);
        // c = 1/(s+1): step 0 replaces the initial value, then (2 + 4 + 9) / 3 = 5.
        foreach (var (value, step) in new[] { (2f, 0), (4f, 1), (9f, 2) })
        {
            using var live = tensor(new[] { value });
            polyak.Update(live, step);
        }
        using var estimate = polyak.Estimate(3);
        AdamTests.AssertClose([5], estimate);
    }

    [Fact]
    public void Ema_IsBiasCorrectedLikeAdam()
    {
        using var ema = new ExponentialMovingAverage(1, CPU, 0.5);
        using (var first = tensor(new[] { 2f }))
        {
            ema.Update(first, 0);
        }
        using (var second = tensor(new[] { 4f }))
        {
            ema.Update(second, 1);
        }
        // avg = 0.5 * (0.5 * 0 + 0.5 * 2) + 0.5 * 4 = 2.5; corrected by 1 - 0.5² = 0.75 → 3.333…
        AdamTests.AssertClose([2.5], ema.Average);
        using var estimate = ema.Estimate(2);
        AdamTests.AssertClose([10.0 / 3], estimate);
    }

    [Fact]
    public void Ema_RejectsARateOutsideZeroToOne() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialMovingAverage(1, CPU, 1.0));
}
