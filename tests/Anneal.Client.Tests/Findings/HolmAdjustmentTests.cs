using Anneal.Client.Findings;

namespace Anneal.Client.Tests.Findings;

public sealed class HolmAdjustmentTests
{
    [Fact]
    public void StepDown_JudgesTheKthSmallestPAtAlphaOverMMinusKPlusOne_AndStopsAtTheFirstFailure()
    {
        // Sorted: 0.01 at 0.05/3 = 0.0167 rejected; 0.03 at 0.05/2 = 0.025 not rejected; so 0.04 cannot be.
        var steps = HolmAdjustment.Apply([0.01, 0.04, 0.03], 0.05);

        Assert.Equal([1, 3, 2], steps.Select(s => s.Rank));
        Assert.Equal(0.05 / 3, steps[0].Alpha, 12);
        Assert.Equal(0.05 / 1, steps[1].Alpha, 12);
        Assert.Equal(0.05 / 2, steps[2].Alpha, 12);
        Assert.Equal([true, false, true], steps.Select(s => s.EarlierRejected));
        // Adjusted: 3·0.01 = 0.03; max(0.03, 2·0.03) = 0.06; max(0.06, 1·0.04) = 0.06.
        Assert.Equal(0.03, steps[0].AdjustedPValue, 12);
        Assert.Equal(0.06, steps[2].AdjustedPValue, 12);
        Assert.Equal(0.06, steps[1].AdjustedPValue, 12);
        Assert.All(steps, s => Assert.Equal(3, s.FamilySize));
    }

    [Fact]
    public void WhenEveryTestPasses_EachLaterTestStillMayBeRejected()
    {
        var steps = HolmAdjustment.Apply([0.02, 0.001], 0.05);
        Assert.Equal([2, 1], steps.Select(s => s.Rank));
        Assert.True(steps[0].EarlierRejected); // 0.001 < 0.025
        Assert.Equal(0.002, steps[1].AdjustedPValue, 12);
        Assert.Equal(0.02, steps[0].AdjustedPValue, 12);
    }

    [Fact]
    public void OneTest_IsJudgedAtAlphaItself()
    {
        var step = Assert.Single(HolmAdjustment.Apply([0.04], 0.05));
        Assert.Equal(0.05, step.Alpha, 12);
        Assert.True(step.EarlierRejected);
    }
}
