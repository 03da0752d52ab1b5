using Anneal.Ml.Data;
using Anneal.Ml.Models;
using Anneal.Ml.Optimization;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Anneal.Ml.Training;

/// <summary>Test loss and accuracy of given parameters, with dropout off, in fixed order over the test split.</summary>
internal sealed class Evaluator(TinyVit model, FlatParameters parameters, IImageDataset test, Device device, TrainingPulse pulse)
{
    public (double Loss, double Accuracy) Evaluate(Tensor? point, int batchSize, int maxBatches)
    {
        using var noGrad = no_grad();
        using var swap = point is null ? null : parameters.Values.clone();
        if (point is not null)
        {
            parameters.Values.copy_(point);
        }
        model.eval();
        try
        {
            var imageBytes = test.Channels * InMemoryImageDataset.Side * InMemoryImageDataset.Side;
            var count = maxBatches == 0 ? test.Count : Math.Min(test.Count, maxBatches * batchSize);
            double lossSum = 0;
            long correct = 0;
            for (var start = 0; start < count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var size = Math.Min(batchSize, count - start);
                var pixels = test.Pixels.Slice(start * imageBytes, size * imageBytes).ToArray();
                var images = ImageTensors.FromPixels(pixels, size, test.Channels, device);
                var labels = tensor(test.Labels.Slice(start, size).ToArray().Select(l => (long)l).ToArray()).to(device);
                var logits = model.call(images);
                lossSum += F.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
                correct += logits.argmax(1).eq(labels).sum().item<long>();
                pulse.Beat();
            }
            return (lossSum / count, (double)correct / count);
        }
        finally
        {
            model.train();
            if (swap is not null)
            {
                parameters.Values.copy_(swap);
            }
        }
    }
}
