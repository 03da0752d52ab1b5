using System.Diagnostics;
using TorchSharp;
using Anneal.Ml.Devices;
using Anneal.Ml.Models;
using Anneal.Ml.Optimization;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Anneal.Ml.Training;

/// <summary>
/// Times the parts of a training step on one random batch: the forward pass with autograd, forward and backward
/// together (a plain step without its optimizer), and the second forward pass the averaged and schedule-free variants
/// add (no autograd, the step's dropout masks reused, <see cref="ITrainingStepContext.LossAt"/>). The last over the
/// second is the least those variants can cost over a plain step while they report the study's loss
/// (docs/performance.md, "Averaged and schedule-free steps").
/// </summary>
public static class StepPartsBenchmark
{
    public static StepPartTimes Measure(ComputeDevice device, int channels, int batchSize, int warmup, int steps)
    {
        var torchDevice = device.Apply();
        using var initialization = new Generator(0);
        var masks = new DropoutMasks(new DropoutMaskStream(1));
        using var model = new TinyVit(channels, 10, initialization, masks);
        model.to(torchDevice);
        model.train();
        using var parameters = new FlatParameters(model.parameters());
        using var context = new TrainingStepContext(model, parameters, masks);
        using var images = rand(batchSize, channels, TinyVit.ImageSize, TinyVit.ImageSize, generator: initialization).to(torchDevice);
        using var labels = randint(0, 10, [batchSize], generator: initialization).to(torchDevice);
        using var averagedPoint = parameters.Values.clone();

        var (forward, forwardBackward, secondForward) = (new List<double>(), new List<double>(), new List<double>());
        var clock = new Stopwatch();
        for (var step = 0; step < warmup + steps; step++)
        {
            using var scope = NewDisposeScope();
            var timed = step >= warmup;
            context.Begin(images, labels);
            clock.Restart();
            using (var loss = F.cross_entropy(model.call(images), labels))
            {
                loss.item<float>();
            }
            if (timed) forward.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            context.ForwardBackward();
            if (timed) forwardBackward.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            context.LossAt(averagedPoint);
            if (timed) secondForward.Add(clock.Elapsed.TotalMilliseconds);
        }
        return new StepPartTimes(Median(forward), Median(forwardBackward), Median(secondForward));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>Median milliseconds of each part of a step (<see cref="StepPartsBenchmark"/>).</summary>
public sealed record StepPartTimes(double ForwardMs, double ForwardBackwardMs, double SecondForwardMs)
{
    /// <summary>The averaged variants' least cost relative to a plain step's forward and backward passes.</summary>
    public double AveragedFloor => 1 + SecondForwardMs / ForwardBackwardMs;
}
