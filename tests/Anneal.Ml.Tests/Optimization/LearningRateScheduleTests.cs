using Anneal.Ml.Optimization.Schedules;

namespace Anneal.Ml.Tests.Optimization;

public sealed class LearningRateScheduleTests
{
    private const double Lr = 1e-3;

    [Fact]
    public void Constant_IsTheSameEveryStep() =>
        Assert.All(new[] { 0, 500, 999 }, s => Assert.Equal(Lr, new ConstantSchedule(Lr).At(s)));

    [Theory]
    [InlineData(0, 1e-3)]
    [InlineData(50, 5e-4)]
    [InlineData(99, 1e-5)]
    public void Linear_FallsToZeroAtTheLastStep(int step, double expected) =>
        Assert.Equal(expected, new LinearDecaySchedule(Lr, 100).At(step), 12);

    [Theory]
    [InlineData(0, 1e-3)]
    [InlineData(25, 8.535533905932737e-4)]
    [InlineData(50, 5e-4)]
    [InlineData(100, 0)]
    public void Cosine_FollowsHalfACosine(int step, double expected) =>
        Assert.Equal(expected, new CosineSchedule(Lr, 100).At(step), 12);

    [Theory]
    [InlineData(25, 1e-3)]  // 25/100 is not > 0.25: the study still uses the full rate
    [InlineData(26, 1e-4)]
    [InlineData(99, 1e-4)]
    public void Stepwise_DropsTenfoldAfterTheFraction(int step, double expected) =>
        Assert.Equal(expected, new StepwiseSchedule(Lr, 100, 0.25).At(step), 12);

    [Theory]
    [InlineData(0, 2.5e-4)]
    [InlineData(3, 1e-3)]
    [InlineData(4, 1e-3)]   // cosine's own step 0
    [InlineData(54, 5e-4)]  // cosine step 50 of 100
    public void Warmup_ClimbsLinearlyThenRunsTheScheduleOverTheRest(int step, double expected) =>
        Assert.Equal(expected, new WarmupSchedule(new CosineSchedule(Lr, 100), 4, Lr).At(step), 12);

    [Theory]
    [InlineData(0, 1e-4)]
    [InlineData(9, 1e-3)]
    [InlineData(79, 1e-3)]
    [InlineData(85, 5e-4)]               // 1 - sqrt(5/20)
    [InlineData(95, 1.339745962155614e-4)] // 1 - sqrt(15/20)
    public void Wsd_OneMinusSqrtCooldownOverTheLastFifth(int step, double expected) =>
        Assert.Equal(expected, new WarmupStableDecaySchedule(Lr, 100, 10, 0.2, CooldownShape.OneMinusSqrt).At(step), 12);

    [Theory]
    [InlineData(80, 1e-3)]
    [InlineData(90, 5e-4)]
    [InlineData(99, 5e-5)]
    public void Wsd_LinearCooldown(int step, double expected) =>
        Assert.Equal(expected, new WarmupStableDecaySchedule(Lr, 100, 0, 0.2, CooldownShape.Linear).At(step), 12);
}
