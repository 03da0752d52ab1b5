using Anneal.Ml.Models;
using Anneal.Ml.Optimization;
using Anneal.Ml.Training;
using static TorchSharp.torch;

namespace Anneal.Ml.Tests.Training;

public sealed class TrainingStepContextTests
{
    [Fact]
    public void LossAt_ReplaysTheStepsDropoutMasks_AndRestoresTheParameters()
    {
        using var init = new Generator(0);
        using var dropout = new Generator(1);
        using var model = new TinyVit(1, 10, init, dropout);
        model.train();
        using var parameters = new FlatParameters(model.parameters());
        using var context = new TrainingStepContext(model, parameters, dropout);
        using var images = rand(16, 1, 32, 32, generator: init);
        using var labels = randint(0, 10, [16], generator: init);
        context.Begin(images, labels);

        var trained = context.ForwardBackward();
        using var before = parameters.Values.clone();
        using var samePoint = parameters.Values.clone();
        var replayed = context.LossAt(samePoint);
        var freshMasks = context.ForwardBackward();

        // Same parameters and masks: the same loss. New masks (no replay): a different one.
        Assert.Equal(trained, replayed, 5);
        Assert.True(Math.Abs(trained - freshMasks) > 1e-4, $"{trained} vs {freshMasks}");
        Assert.True(before.eq(parameters.Values).all().item<bool>());
    }
}
