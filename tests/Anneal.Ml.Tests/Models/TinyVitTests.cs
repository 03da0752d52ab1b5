using Anneal.Ml.Models;
using static TorchSharp.torch;

namespace Anneal.Ml.Tests.Models;

public sealed class TinyVitTests
{
    [Fact]
    public void ThreeChannelModel_HasTheStudysParameterCount()
    {
        using var init = new Generator(0);
        using var model = new TinyVit(3, 10, init, new DropoutMasks(new DropoutMaskStream(0)));
        Assert.Equal(556_042, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Forward_MapsImagesToOneLogitPerClass()
    {
        using var init = new Generator(0);
        using var model = new TinyVit(1, 10, init, new DropoutMasks(new DropoutMaskStream(0)));
        using var logits = model.call(zeros(5, 1, 32, 32));
        Assert.Equal([5L, 10L], logits.shape);
    }

    [Fact]
    public void Kernels_AreLecunNormalTruncatedAtTwoSigma()
    {
        using var init = new Generator(0);
        using var model = new TinyVit(3, 10, init, new DropoutMasks(new DropoutMaskStream(0)));
        var fc1 = model.named_parameters().Single(p => p.name == "blocks.0.fc1.weight").parameter;
        var std = Math.Sqrt(1.0 / 128);
        // The truncated normal is scaled so its variance is exactly 1/fan_in, and nothing lies beyond 2σ/0.8796.
        Assert.InRange(fc1.std().item<float>(), std * 0.97, std * 1.03);
        Assert.True(fc1.abs().max().item<float>() <= 2 * std / 0.87962566103423978 + 1e-6);
        Assert.InRange(fc1.mean().item<float>(), -0.002, 0.002);
    }

    [Fact]
    public void Biases_StartAtZero_AndLayerNormScalesAtOne()
    {
        using var init = new Generator(0);
        using var model = new TinyVit(3, 10, init, new DropoutMasks(new DropoutMaskStream(0)));
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(0f, parameters["blocks.1.qkv.bias"].abs().sum().item<float>());
        Assert.Equal(0f, parameters["head.bias"].abs().sum().item<float>());
        Assert.Equal(128f, parameters["blocks.2.norm1.weight"].sum().item<float>());
    }

    [Fact]
    public void PositionEmbedding_EncodesColumnThenRow_AsMaesSinCos()
    {
        using var table = SinCosPositionEmbedding.Create(128, 4);
        // Token 6 is row 1, column 2. Channel 0: sin(column * omega_0) = sin(2); channel 64: sin(row) = sin(1).
        Assert.Equal(MathF.Sin(2), table[0, 6, 0].item<float>(), 6);
        Assert.Equal(MathF.Cos(2), table[0, 6, 32].item<float>(), 6);
        Assert.Equal(MathF.Sin(1), table[0, 6, 64].item<float>(), 6);
        Assert.Equal(MathF.Cos(1), table[0, 6, 96].item<float>(), 6);
    }
}
