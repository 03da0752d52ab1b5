namespace Anneal.Client.Findings;

/// <summary>
/// The regularized incomplete beta function I_x(a, b) by its continued fraction, evaluated with the modified Lentz
/// method (Press et al., Numerical Recipes, §6.4), with the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the
/// fraction converges slowly.
/// </summary>
internal static class IncompleteBeta
{
    private const int MaxIterations = 300;
    private const double Epsilon = 1e-15;
    private const double Tiny = 1e-300;

    public static double Regularized(double x, double a, double b)
    {
        if (x <= 0)
            return 0;
        if (x >= 1)
            return 1;
        var logFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x);
        var front = Math.Exp(logFront);
        return x < (a + 1) / (a + b + 2)
            ? front * ContinuedFraction(x, a, b) / a
            : 1 - front * ContinuedFraction(1 - x, b, a) / b;
    }

    private static double ContinuedFraction(double x, double a, double b)
    {
        var c = 1.0;
        var d = 1 - (a + b) * x / (a + 1);
        d = 1 / NotTiny(d);
        var result = d;
        for (var m = 1; m <= MaxIterations; m++)
        {
            // The even step d_{2m} = m(b−m)x / ((a+2m−1)(a+2m)), then the odd step d_{2m+1} = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)).
            var even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 / NotTiny(1 + even * d);
            c = NotTiny(1 + even / c);
            result *= d * c;
            var odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 / NotTiny(1 + odd * d);
            c = NotTiny(1 + odd / c);
            var step = d * c;
            result *= step;
            if (Math.Abs(step - 1) < Epsilon)
                break;
        }
        return result;
    }

    private static double NotTiny(double value) => Math.Abs(value) < Tiny ? Tiny : value;

    /// <summary>ln Γ(z) for z &gt; 0 by the Lanczos approximation (g = 7, nine coefficients), accurate to ~1e-15.</summary>
    public static double LogGamma(double z)
    {
        if (z < 0.5)
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * z))) - LogGamma(1 - z);
        z -= 1;
        var sum = Coefficients[0];
        for (var i = 1; i < Coefficients.Length; i++)
            sum += Coefficients[i] / (z + i);
        var t = z + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (z + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    private static readonly double[] Coefficients =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];
}
