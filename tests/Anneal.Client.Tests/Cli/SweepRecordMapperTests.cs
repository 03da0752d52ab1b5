using Anneal.Client.Cluster;
using Anneal.Client.Reports;
using Anneal.Contracts.Runs;

namespace Anneal.Client.Tests.Cli;

public sealed class SweepRecordMapperTests
{
    [Fact]
    public void LossCurveBuckets_EndAtTheirLastStep_TheLastOnePartial()
    {
        var curve = new LossCurve(BucketSteps: 50, Means: [2.0f, 1.5f, 1.25f], LastStep: 120);

        Assert.Equal([new CurvePoint(50, 2.0), new CurvePoint(100, 1.5), new CurvePoint(120, 1.25)], SweepRecordMapper.ToPoints(curve));
    }

    [Fact]
    public void LossCurveBuckets_AverageExactly_OverWholeBuckets()
    {
        // Steps 1..100 in buckets of 50 with means 2 and 1: the mean over the last 50 steps is the second bucket's.
        var points = SweepRecordMapper.ToPoints(new LossCurve(50, [2.0f, 1.0f], 100));

        Assert.Equal(1.0, SmoothedCurve.From(points, window: 50).Final);
        Assert.Equal(1.5, SmoothedCurve.From(points, window: 100).Final);
    }
}
