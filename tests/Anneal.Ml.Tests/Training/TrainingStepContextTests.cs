using TorchSharp;
using Anneal.Ml.Models;
using Anneal.Ml.Optimization;
using Anneal.Ml.Training;
using static TorchSharp.torch;

namespace Anneal.Ml.Tests.Training;

public sealed class TrainingStepContextTests
{
    [Fact]
    public void LossAt_ReusesTheStepsDropoutMasks_LeavesTheStreamWhereTheForwardPassLeftIt_AndRestoresTheParameters()
    {
        using var init = new Generator(0);
        var stream = new DropoutMaskStream(1);
        var masks = new DropoutMasks(stream);
        using var model = new TinyVit(1, 10, init, masks);
        model.train();
        using var parameters = new FlatParameters(model.parameters());
        using var context = new TrainingStepContext(model, parameters, masks);
        using var images = rand(16, 1, 32, 32, generator: init);
        using var labels = randint(0, 10, [16], generator: init);
        context.Begin(images, labels);

        var trained = context.ForwardBackward();
        var afterForward = stream.Position;
        using var before = parameters.Values.clone();
        using var samePoint = parameters.Values.clone();
        var replayed = context.LossAt(samePoint);
        var afterReplay = stream.Position;
        var freshMasks = context.ForwardBackward();

        // Same parameters and masks: exactly the same loss. New masks (a second forward pass): a different one.
        Assert.Equal(trained, replayed);
        Assert.Equal(afterForward, afterReplay);
        Assert.True(stream.Position > afterForward);
        Assert.True(Math.Abs(trained - freshMasks) > 1e-4, $"{trained} vs {freshMasks}");
        Assert.True(before.eq(parameters.Values).all().item<bool>());
    }

    [Fact]
    public void LossAt_AtOtherParameters_GivesTheLossOfAFreshModelWithThoseParametersAndTheSameMasks()
    {
        // The replay must equal what the study computes: a forward pass at the averaged point with this step's key.
        using var init = new Generator(0);
        var stream = new DropoutMaskStream(7);
        var masks = new DropoutMasks(stream);
        using var model = new TinyVit(1, 10, init, masks);
        model.train();
        using var parameters = new FlatParameters(model.parameters());
        using var context = new TrainingStepContext(model, parameters, masks);
        using var images = rand(8, 1, 32, 32, generator: init);
        using var labels = randint(0, 10, [8], generator: init);
        context.Begin(images, labels);
        var start = stream.Position;
        context.ForwardBackward();
        using var half = 0.5.ToScalar();
        using var other = parameters.Values.mul(half);
        var replayed = context.LossAt(other);

        // The same forward pass drawn afresh from a stream rewound to where the step began.
        var rewound = new DropoutMaskStream(7) { Position = start };
        using var twinInit = new Generator(0);
        using var twin = new TinyVit(1, 10, twinInit, new DropoutMasks(rewound));
        twin.train();
        using var twinParameters = new FlatParameters(twin.parameters());
        using (no_grad())
        {
            twinParameters.Values.copy_(other);
        }
        using var twinLoss = TorchSharp.torch.nn.functional.cross_entropy(twin.call(images), labels);
        Assert.Equal(twinLoss.item<float>(), replayed);
    }
}
