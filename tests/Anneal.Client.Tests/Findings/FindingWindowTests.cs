using Anneal.Client.Findings;
using Anneal.Client.Tests.Reports;

namespace Anneal.Client.Tests.Findings;

public sealed class FindingWindowTests
{
    private static VerdictWindow Window(int longest, int? spec) =>
        FindingWindow.Choose(SyntheticSweeps.Sweep(SyntheticSweeps.Run("constant", longest, _ => 1, stepsDone: 0, status: RunStatus.Queued))
            with { SmoothingWindow = spec });

    [Fact]
    public void TheSpecsWindow_IsUsedAsSubmitted_WhenItFitsInATenthOfTheLongestRun() =>
        Assert.Equal(4, Window(400, 4).Steps);

    [Fact]
    public void ALongerSpecWindow_IsCappedAtATenthOfTheLongestRun()
    {
        var window = Window(400, 1_000);
        Assert.Equal(40, window.Steps);
        Assert.Contains("capped", window.Reason);
    }

    [Fact]
    public void NoSpecWindow_TakesATenthOfTheLongestRun() => Assert.Equal(80, Window(800, null).Steps);

    [Fact]
    public void TheWindow_IsWholeBucketsOfTheLongestRunsCurve()
    {
        // 10,000 steps are stored in buckets of 5: a 37-step window becomes 35.
        var window = Window(10_000, 37);
        Assert.Equal(5, window.BucketSteps);
        Assert.Equal(35, window.Steps);
        Assert.Contains("whole buckets of 5 steps", window.Reason);
    }
}
