using Anneal.Ml.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Anneal.Ml.Tests.Models;

/// <summary>The last block's token-0 path computes what the full block computes at token 0, masks and gradients included.</summary>
public sealed class EncoderBlockTests
{
    private const int Batch = 6, Length = 17, Features = TinyVit.Features;

    [Fact]
    public void ForwardFirstToken_InTraining_EqualsTokenZeroOfTheFullBlock_WithTheSameMasks_AndAdvancesTheStreamAlike()
    {
        var masks = new DropoutMasks(new DropoutMaskStream(7));
        using var block = NewBlock(masks);
        using var x = Input();

        masks.Clear();
        using var full = block.forward(x);
        var positionAfterFull = masks.Stream.Position;
        Tensor first;
        using (masks.Replay())
        {
            first = block.ForwardFirstToken(x);
        }
        AssertClose(full.select(1, 0), first);

        // Drawn fresh rather than replayed, the token-0 path takes as many numbers from the stream as the full block.
        masks.Stream.Position = 0;
        masks.Clear();
        using var drawnFresh = block.ForwardFirstToken(x);
        Assert.Equal(positionAfterFull, masks.Stream.Position);
        AssertClose(first, drawnFresh);
    }

    [Fact]
    public void ForwardFirstToken_InEvaluation_EqualsTokenZeroOfTheFullBlock()
    {
        var masks = new DropoutMasks(new DropoutMaskStream(7));
        using var block = NewBlock(masks);
        block.eval();
        using var x = Input();
        using var full = block.forward(x);
        using var first = block.ForwardFirstToken(x);
        AssertClose(full.select(1, 0), first);
        Assert.Equal(0UL, masks.Stream.Position);
    }

    [Fact]
    public void ForwardFirstToken_GivesTheFullBlocksGradients_ToEveryParameterAndTheInput()
    {
        var masks = new DropoutMasks(new DropoutMaskStream(11));
        using var block = NewBlock(masks);
        using var target = randn(Batch, Features, generator: new Generator(3));

        using var fullInput = Input().requires_grad_();
        masks.Clear();
        using (var loss = (block.forward(fullInput).select(1, 0) * target).sum()) loss.backward();
        var fullGradients = block.parameters().Select(p => p.grad!.clone()).ToArray();
        using var fullInputGradient = fullInput.grad!.clone();

        block.zero_grad();
        using var firstInput = Input().requires_grad_();
        using (masks.Replay())
        using (var loss = (block.ForwardFirstToken(firstInput) * target).sum()) loss.backward();

        var firstGradients = block.parameters().Select(p => p.grad!).ToArray();
        Assert.Equal(fullGradients.Length, firstGradients.Length);
        for (var i = 0; i < fullGradients.Length; i++)
        {
            AssertClose(fullGradients[i], firstGradients[i]);
        }
        AssertClose(fullInputGradient, firstInput.grad!);
    }

    private static EncoderBlock NewBlock(DropoutMasks masks)
    {
        var block = new EncoderBlock(Features, masks);
        using var init = new Generator(5);
        using (no_grad())
        {
            // Random biases and norm parameters, so that every parameter shapes the output.
            foreach (var parameter in block.parameters()) parameter.copy_(randn(parameter.shape, generator: init) * 0.1);
        }
        block.train();
        return block;
    }

    private static Tensor Input() => randn(Batch, Length, Features, generator: new Generator(1));

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        var difference = (expected - actual).abs().max().item<float>();
        var scale = expected.abs().max().item<float>();
        Assert.True(difference <= 1e-5f * Math.Max(1f, scale), $"max difference {difference} at scale {scale}");
    }
}
