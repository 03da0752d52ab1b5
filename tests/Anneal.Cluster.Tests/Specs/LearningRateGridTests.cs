using Anneal.Contracts.Specs;

namespace Anneal.Cluster.Tests.Specs;

public sealed class LearningRateGridTests
{
    [Theory]
    [InlineData(3e-3, "3e-3")]
    [InlineData(1e-3, "1e-3")]
    [InlineData(2.5e-4, "2.5e-4")]
    [InlineData(0.1, "1e-1")]
    [InlineData(1.0, "1e0")]
    [InlineData(12.0, "1.2e1")]
    [InlineData(1.0000001e-3, "1.0000001e-3")]
    public void Format_IsTheShortestExactScientificForm(double rate, string expected) =>
        Assert.Equal(expected, LearningRateGrid.Format(rate));

    [Fact]
    public void Format_KeepsCloseRatesApart() =>
        Assert.NotEqual(LearningRateGrid.Format(0.1 + 0.2), LearningRateGrid.Format(0.3));
}
