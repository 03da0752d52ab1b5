using Anneal.Client.Reports;

namespace Anneal.Client.Findings;

/// <summary>Each completed seed's value of a metric in one configuration.</summary>
public static class MetricReader
{
    /// <summary>
    /// Train: the mean train loss over the <paramref name="window"/> steps ending at <paramref name="step"/>.
    /// Validation: the run's final validation loss (recorded once, at its last step). Seeds without a value are left out.
    /// </summary>
    public static IReadOnlyDictionary<int, double> Values(SweepConfiguration configuration, FindingMetric metric, int step, int window)
    {
        var values = new Dictionary<int, double>();
        foreach (var run in configuration.Completed)
        {
            var value = metric == FindingMetric.Validation
                ? run.ValidationLoss
                : SmoothedCurve.From(run.Curve, window).ValueAt(step);
            if (value is { } v && double.IsFinite(v))
                values[run.Seed] = v;
        }
        return values;
    }
}
