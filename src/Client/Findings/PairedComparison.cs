namespace Anneal.Client.Findings;

/// <summary>
/// Arms A and B of a comparison paired by seed (common random numbers: both arms of a seed share initial weights,
/// batches and dropout masks), summarised by the per-seed differences d_i = B_i − A_i.
/// </summary>
public sealed class PairedComparison
{
    private PairedComparison(IReadOnlyList<SeedPair> pairs)
    {
        Pairs = pairs;
        if (pairs.Count == 0)
            return;
        Mean = pairs.Average(pair => pair.Difference);
        MeanA = pairs.Average(pair => pair.A);
        MeanB = pairs.Average(pair => pair.B);
        StandardDeviation = pairs.Count < 2
            ? double.NaN
            : Math.Sqrt(pairs.Sum(pair => Math.Pow(pair.Difference - Mean, 2)) / (pairs.Count - 1));
    }

    /// <summary>The seeds both arms completed, in seed order.</summary>
    public IReadOnlyList<SeedPair> Pairs { get; }
    public int Count => Pairs.Count;
    public double Mean { get; } = double.NaN;
    public double MeanA { get; } = double.NaN;
    public double MeanB { get; } = double.NaN;

    /// <summary>Sample standard deviation of the differences (n − 1 in the denominator); NaN below two seeds.</summary>
    public double StandardDeviation { get; } = double.NaN;

    /// <summary>The mean of both arms' seed means: the scale the default minimum effect and the percentage refer to.</summary>
    public double MeanOfArms => (MeanA + MeanB) / 2;

    public double MeanPercent => 100 * Mean / MeanOfArms;

    /// <summary>Seeds on which A did better (d &gt; 0).</summary>
    public int Wins => Pairs.Count(pair => pair.Difference > 0);

    public double StandardError => StandardDeviation / Math.Sqrt(Count);

    public static PairedComparison Of(IReadOnlyDictionary<int, double> a, IReadOnlyDictionary<int, double> b) =>
        new(a.Keys.Intersect(b.Keys).Order().Select(seed => new SeedPair(seed, a[seed], b[seed])).ToList());

    public static PairedComparison Of(IEnumerable<SeedPair> pairs) => new(pairs.OrderBy(pair => pair.Seed).ToList());

    /// <summary>The Student-t interval mean ± t(1 − (1 − level)/2, n − 1)·s/√n; null below two seeds.</summary>
    public ConfidenceInterval? Interval(double level)
    {
        if (Count < 2)
            return null;
        var half = StudentT.Quantile(1 - (1 - level) / 2, Count - 1) * StandardError;
        return new ConfidenceInterval(Mean - half, Mean + half, level);
    }

    /// <summary>Two-sided p of the t test of "mean difference = 0"; NaN below two seeds.</summary>
    public double PValueOfDifference()
    {
        if (Count < 2)
            return double.NaN;
        if (StandardError == 0)
            return Mean == 0 ? 1 : 0;
        return 2 * (1 - StudentT.Cdf(Math.Abs(Mean) / StandardError, Count - 1));
    }

    /// <summary>
    /// p of the two one-sided tests (TOST) of equivalence within ±δ: the larger of the p of "mean ≤ −δ" and of
    /// "mean ≥ +δ". Below α exactly when the (1 − 2α) interval lies inside (−δ, +δ). NaN below two seeds.
    /// </summary>
    public double PValueOfEquivalence(double delta)
    {
        if (Count < 2)
            return double.NaN;
        if (StandardError == 0)
            return Math.Abs(Mean) < delta ? 0 : 1;
        var aboveLower = 1 - StudentT.Cdf((Mean + delta) / StandardError, Count - 1);
        var belowUpper = StudentT.Cdf((Mean - delta) / StandardError, Count - 1);
        return Math.Max(aboveLower, belowUpper);
    }
}
