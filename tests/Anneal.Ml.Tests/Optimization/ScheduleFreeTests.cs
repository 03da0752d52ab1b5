using Anneal.Ml.Optimization.Averaging;
using Anneal.Ml.Optimization.Methods;
using Anneal.Ml.Optimization.Schedules;
using static TorchSharp.torch;

namespace Anneal.Ml.Tests.Optimization;

public sealed class ScheduleFreeTests
{
    [Fact]
    public void StudysScheduleFreeEma_TakesTheGradientBetweenLiveAndAverage_AndReportsThePreviousAverage()
    {
        using var context = new QuadraticContext(1f, -2f);
        using var method = new ScheduleFreeAdam(context.Parameters, new ConstantSchedule(0.1), new ExponentialMovingAverage(2, CPU, 0.5),
            beta1: 0.9, beta2: 0.999, epsilon: 1e-6);

        // Step 0: the average is 0 so y = 0.1 x = (0.1, -0.2) and the gradient is y; x -= 0.1 g / (|g| + 1e-6).
        // The reported loss is the (zero) average's: 0.
        Assert.Equal(0f, method.Step(0, context));
        // Step 1: x̂ = avg / (1 - 0.5²) = (0.6000015, -1.2666670); reported ½‖x̂‖² = 0.98222304.
        Assert.Equal(0.98222304f, method.Step(1, context), 5);
        using var evaluated = method.EvaluationPoint(2)!;
        // avg after step 1 = (0.60518113, -1.35509266), corrected by 1 - 0.5³ (the study's t = step + 1).
        AdamTests.AssertClose([0.60518113 / 0.875, -1.35509266 / 0.875], evaluated);
    }

    [Fact]
    public void ScheduleFreeAdamW_MatchesTheReferenceUpdate()
    {
        using var context = new QuadraticContext(1f, -2f);
        using var method = new ScheduleFreeAdamW(context.Parameters, ReferenceSettings(0.1));

        // k=0: c = 1, so y = z - 0.1 ĝ with ĝ ≈ sign(g); x = y = (0.9, -1.9).
        Assert.Equal(2.21f, method.Step(0, context), 5);
        AdamTests.AssertClose([0.9, -1.9], context.Parameters.Values);
        // k=1: c = ½, y = lerp(y, z, ½) - 0.055 ĝ, z -= 0.1 ĝ, x = (y - 0.1 z) / 0.9.
        Assert.Equal(2.0771962f, method.Step(1, context), 5);
        AdamTests.AssertClose([0.84796539, -1.84642718], context.Parameters.Values);
        using var x = method.EvaluationPoint(2)!;
        AdamTests.AssertClose([0.85269581, -1.85129743], x);
    }

    [Fact]
    public void ScheduleFreeAdamW_WarmsUpLinearly()
    {
        using var context = new QuadraticContext(1f);
        using var method = new ScheduleFreeAdamW(context.Parameters, ReferenceSettings(0.1) with { WarmupSteps = 4 });
        Assert.Equal(0.025, method.LearningRate(0), 12);
        Assert.Equal(0.1, method.LearningRate(3), 12);
        Assert.Equal(0.1, method.LearningRate(10), 12);
    }

    // The reference implementation's defaults (facebookresearch/schedule_free, AdamWScheduleFree).
    private static ScheduleFreeAdamWSettings ReferenceSettings(double learningRate) =>
        new(learningRate, WarmupSteps: 0, Beta1: 0.9, Beta2: 0.999, Epsilon: 1e-8, WeightDecay: 0, WeightLrPower: 2);
}
