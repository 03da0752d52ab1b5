using System.Globalization;

namespace Anneal.Contracts.Specs;

/// <summary>
/// Which learning rates each spec run trains at: its own <c>lr</c> if it sets one, else each of the sweep's
/// <c>lrs</c>, else the sweep's <c>lr</c>. The expansion, the run cap and display names all ask here.
/// </summary>
public static class LearningRateGrid
{
    public static IReadOnlyList<double> For(SweepSpec spec, RunSpec run) =>
        run.LearningRate is { } own ? [own] : spec.LearningRates ?? [spec.LearningRate];

    /// <summary>Whether the sweep trains at more than one learning rate, so that display names must say which.</summary>
    public static bool IsSwept(SweepSpec spec) =>
        spec.Runs.SelectMany(run => For(spec, run)).Distinct().Skip(1).Any();

    /// <summary>Runs the sweep expands to: per spec run, its learning rates times the seeds.</summary>
    public static long ExpandedRunCount(SweepSpec spec) =>
        spec.Runs.Sum(run => (long)For(spec, run).Count) * spec.Seeds.Count;

    /// <summary>"linear-400@3e-3" where the sweep has several learning rates, else the run's own display name.</summary>
    public static string DisplayName(SweepSpec spec, RunSpec run, double learningRate) =>
        IsSwept(spec) ? $"{run.DisplayName}@{Format(learningRate)}" : run.DisplayName;

    /// <summary>
    /// The shortest scientific form that reads back as the same double: 0.003 is "3e-3", 0.00025 is "2.5e-4". Exact,
    /// so two different rates never share a name.
    /// </summary>
    public static string Format(double learningRate)
    {
        for (var digits = 0; ; digits++)
        {
            var text = learningRate.ToString("E" + digits, CultureInfo.InvariantCulture);
            if (digits < 16 && double.Parse(text, CultureInfo.InvariantCulture) != learningRate) continue;
            var cut = text.IndexOf('E');
            var mantissa = text[..cut];
            if (mantissa.Contains('.')) mantissa = mantissa.TrimEnd('0').TrimEnd('.');
            return $"{mantissa}e{int.Parse(text[(cut + 1)..], CultureInfo.InvariantCulture)}";
        }
    }
}
