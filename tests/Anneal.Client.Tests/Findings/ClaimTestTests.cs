using Anneal.Client.Findings;

namespace Anneal.Client.Tests.Findings;

/// <summary>
/// The verdict rules on hand-computed examples. Five seeds d = 0.10, 0.12, 0.11, 0.09, 0.13: mean 0.11,
/// s = √(0.001/4) = 0.0158114, s/√5 = 0.0070711; 95% CI = 0.11 ± 2.776445·0.0070711 = [0.090368, 0.129632];
/// 90% CI = 0.11 ± 2.131847·0.0070711 = [0.094925, 0.125075].
/// </summary>
public sealed class ClaimTestTests
{
    private static readonly double[] Clear = [0.10, 0.12, 0.11, 0.09, 0.13];

    [Fact]
    public void Beats_Holds_WhenCiLowIsAboveZero_AndTheMeanReachesDelta()
    {
        var outcome = Differences.Beats(0.05, Clear).Decide();
        Assert.Equal(Verdict.Held, outcome.Verdict);
        Assert.Equal(0.090368, outcome.Interval!.Low, 5);
        Assert.Equal(0.129632, outcome.Interval.High, 5);
        Assert.Equal(0.95, outcome.Interval.Level, 12);
    }

    [Fact]
    public void Beats_IsInconclusive_WhenSignificantButTheMeanIsBelowDelta_AndCiHighReachesDelta()
    {
        // CI low 0.090 > 0, but mean 0.11 < δ 0.12 ≤ CI high 0.1296.
        Assert.Equal(Verdict.Inconclusive, Differences.Beats(0.12, Clear).Decide().Verdict);
    }

    [Fact]
    public void Beats_DidNotHold_WhenCiHighIsBelowDelta_TheEffectIsNegligible()
    {
        // CI high 0.1296 < δ 0.2.
        Assert.Equal(Verdict.DidNotHold, Differences.Beats(0.2, Clear).Decide().Verdict);
    }

    [Fact]
    public void Beats_DidNotHold_WhenReversed()
    {
        Assert.Equal(Verdict.DidNotHold, Differences.Beats(0.01, [.. Clear.Select(d => -d)]).Decide().Verdict);
    }

    [Fact]
    public void Beats_IsInconclusive_WhenTheIntervalSpansZeroAndDelta()
    {
        // d = 0.1, 0.2, 0.3: 95% CI [−0.0484, 0.4484].
        var outcome = Differences.Beats(0.01, 0.1, 0.2, 0.3).Decide();
        Assert.Equal(Verdict.Inconclusive, outcome.Verdict);
        Assert.Equal(-0.048414, outcome.Interval!.Low, 5);
    }

    [Fact]
    public void FewerThanThreeSeeds_AreAlwaysInconclusive_ButKeepTheirEffectAndInterval()
    {
        // Two seeds d = 0.5, 0.6: mean 0.55, s = 0.0707107, s/√2 = 0.05; t(0.975, 1) = 12.7062: CI 0.55 ± 0.635310.
        var two = Differences.Beats(0.01, 0.5, 0.6).Decide();
        Assert.Equal(Verdict.Inconclusive, two.Verdict);
        Assert.Equal(0.55 - 0.635310, two.Interval!.Low, 5);

        Assert.Equal(Verdict.Inconclusive, Differences.Beats(10, -0.5, -0.6).Decide().Verdict); // reversed: still no verdict
        Assert.Equal(Verdict.Inconclusive, Differences.Matches(0.01, 0.5, 0.6).Decide().Verdict); // far apart: still no verdict

        var one = Differences.Beats(0.01, 0.5).Decide();
        Assert.Equal(Verdict.Inconclusive, one.Verdict);
        Assert.Null(one.Interval);
    }

    [Fact]
    public void Matches_Holds_WhenThe90PercentIntervalLiesInsideDelta()
    {
        // d = 0.001, −0.001, 0.002, 0, −0.002: mean 0, s/√5 = 0.000707107; 90% CI ±2.131847·0.000707107 = ±0.0015074.
        var outcome = Differences.Matches(0.01, 0.001, -0.001, 0.002, 0, -0.002).Decide();
        Assert.Equal(Verdict.Held, outcome.Verdict);
        Assert.Equal(0.90, outcome.Interval!.Level, 12);
        Assert.Equal(0.0015074, outcome.Interval.High, 6);
    }

    [Fact]
    public void Matches_DidNotHold_WhenTheIntervalLiesBeyondDelta_OnEitherSide()
    {
        // 90% CI [0.094925, 0.125075]: low ≥ δ 0.05.
        Assert.Equal(Verdict.DidNotHold, Differences.Matches(0.05, Clear).Decide().Verdict);
        Assert.Equal(Verdict.DidNotHold, Differences.Matches(0.05, [.. Clear.Select(d => -d)]).Decide().Verdict);
    }

    [Fact]
    public void Matches_IsInconclusive_WhenTheIntervalCrossesDelta()
    {
        // d = 0.1, 0.2, 0.3: 90% CI 0.2 ± 2.919986·0.057735 = [0.0314, 0.3686], across δ = 0.05.
        Assert.Equal(Verdict.Inconclusive, Differences.Matches(0.05, 0.1, 0.2, 0.3).Decide().Verdict);
    }

    [Fact]
    public void AClaimThatWouldHold_IsInconclusive_WhenHolmStoppedAtAnEarlierClaim()
    {
        Assert.Equal(Verdict.Inconclusive, Differences.Beats(0.05, Clear).Decide(earlierRejected: false).Verdict);
        // A stricter level widens the interval: at α = 0.001, t(0.9995, 4) = 8.610302, CI 0.11 ± 0.060884.
        var strict = Differences.Beats(0.05, Clear).Decide(alpha: 0.001);
        Assert.Equal(0.11 - 0.060884, strict.Interval!.Low, 5);
    }
}
