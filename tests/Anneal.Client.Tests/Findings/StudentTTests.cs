using Anneal.Client.Findings;

namespace Anneal.Client.Tests.Findings;

public sealed class StudentTTests
{
    // Values from any printed t table (three decimals).
    [Theory]
    [InlineData(0.975, 1, 12.706)]
    [InlineData(0.975, 2, 4.303)]
    [InlineData(0.975, 4, 2.776)]
    [InlineData(0.95, 4, 2.132)]
    [InlineData(0.95, 2, 2.920)]
    [InlineData(0.975, 9, 2.262)]
    [InlineData(0.995, 4, 4.604)]
    [InlineData(0.975, 30, 2.042)]
    public void Quantile_MatchesTheTable(double probability, int degreesOfFreedom, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(probability, degreesOfFreedom), 3);

    [Fact]
    public void Quantile_IsAntisymmetric_AndInvertsTheCdf()
    {
        Assert.Equal(-StudentT.Quantile(0.9, 3), StudentT.Quantile(0.1, 3), 12);
        Assert.Equal(0.9, StudentT.Cdf(StudentT.Quantile(0.9, 3), 3), 12);
    }

    [Fact]
    public void Cdf_OfOneDegreeOfFreedom_IsTheCauchyDistribution()
    {
        // Cauchy: F(t) = 1/2 + atan(t)/π, so F(1) = 3/4.
        Assert.Equal(0.75, StudentT.Cdf(1, 1), 12);
        Assert.Equal(0.5, StudentT.Cdf(0, 7), 12);
    }

    [Fact]
    public void Cdf_OfTwoDegreesOfFreedom_HasItsClosedForm()
    {
        // ν = 2: F(t) = 1/2 + t / (2·√(2 + t²)).
        foreach (var t in new[] { -3.0, 0.4, 2.5, 10 })
            Assert.Equal(0.5 + t / (2 * Math.Sqrt(2 + t * t)), StudentT.Cdf(t, 2), 12);
    }
}
