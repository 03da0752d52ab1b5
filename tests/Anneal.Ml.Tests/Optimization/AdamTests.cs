using Anneal.Ml.Optimization;
using static TorchSharp.torch;

namespace Anneal.Ml.Tests.Optimization;

public sealed class AdamTests
{
    [Fact]
    public void TwoSteps_MatchTheStudysFormulaComputedByHand()
    {
        using var parameters = tensor(new[] { 1f, -2f });
        using var adam = new Adam(2, CPU, beta2: 0.999, epsilon: 1e-6);

        // t=1, g=(0.5,-0.1), lr 0.1: m̂ = g, v̂ = g², so p -= 0.1 * g / (|g| + 1e-6).
        using (var g = tensor(new[] { 0.5f, -0.1f }))
        {
            adam.Update(parameters, g, 0.1, t: 1);
        }
        AssertClose([0.9000002, -1.900001], parameters);
        AssertClose([0.05, -0.01], adam.Momentum);
        AssertClose([0.00025, 0.00001], adam.Variance);

        // t=2, g=(-0.3,0.2), lr 0.05: m = (0.015, 0.011), v = (3.39750e-4, 4.9990e-5),
        // p -= 0.05 * (m / 0.19) / (sqrt(v / 0.001999) + 1e-6).
        using (var g = tensor(new[] { -0.3f, 0.2f }))
        {
            adam.Update(parameters, g, 0.05, t: 2);
        }
        AssertClose([0.8904253214634602, -1.9183060605877942], parameters);
    }

    [Fact]
    public void Beta2AndEpsilon_AreTheOnesGiven()
    {
        using var parameters = tensor(new[] { 1f, -2f });
        using var adam = new Adam(2, CPU, beta2: 0.5, epsilon: 0.5);

        // t=1, g=(0.5,-0.1), lr 0.1: v̂ = g² whatever b2, so p -= 0.1 * g / (|g| + 0.5) = (0.95, -1.98333333).
        using (var g = tensor(new[] { 0.5f, -0.1f }))
        {
            adam.Update(parameters, g, 0.1, t: 1);
        }
        AssertClose([0.95, -1.9833333333333334], parameters);

        // t=2, g=(-0.3,0.2): m = (0.015, 0.011), v = 0.5 v + 0.5 g² = (0.1075, 0.0225),
        // p -= 0.1 * (m / 0.19) / (sqrt(v / 0.75) + 0.5).
        using (var g = tensor(new[] { -0.3f, 0.2f }))
        {
            adam.Update(parameters, g, 0.1, t: 2);
        }
        AssertClose([0.9410143503904619, -1.9919331996292047], parameters);
    }

    internal static void AssertClose(double[] expected, Tensor actual, double tolerance = 2e-6)
    {
        var values = actual.data<float>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - values[i]) <= tolerance, $"element {i}: expected {expected[i]}, got {values[i]}");
        }
    }
}
