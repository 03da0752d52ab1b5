namespace Anneal.Client.Findings;

/// <summary>
/// Student's t distribution with ν degrees of freedom: its CDF through the regularized incomplete beta function
/// (for t ≥ 0, P(T ≤ t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½)), and its quantile by bisection on that CDF.
/// </summary>
public static class StudentT
{
    public static double Cdf(double t, double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        if (double.IsNaN(t))
            return double.NaN;
        if (double.IsPositiveInfinity(t))
            return 1;
        if (double.IsNegativeInfinity(t))
            return 0;
        var tail = 0.5 * IncompleteBeta.Regularized(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>The t with P(T ≤ t) = <paramref name="probability"/>; bisection keeps it exact to double precision.</summary>
    public static double Quantile(double probability, double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        if (probability is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "must lie strictly between 0 and 1");
        if (probability < 0.5)
            return -Quantile(1 - probability, degreesOfFreedom);
        double low = 0, high = 1;
        while (Cdf(high, degreesOfFreedom) < probability)
            high *= 2;
        for (var i = 0; i < 200 && high - low > 1e-15 * Math.Max(1, high); i++)
        {
            var middle = (low + high) / 2;
            if (Cdf(middle, degreesOfFreedom) < probability)
                low = middle;
            else
                high = middle;
        }
        return (low + high) / 2;
    }
}
