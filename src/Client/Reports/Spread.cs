namespace Anneal.Client.Reports;

/// <summary>A value across the seeds of one configuration: their mean, extremes and standard deviation.</summary>
public sealed record Spread(double Mean, double Min, double Max, double StandardDeviation, int Count)
{
    public static Spread? Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
            return null;
        var mean = list.Average();
        // Population deviation: with a handful of seeds it describes these runs, it does not estimate a population.
        var deviation = Math.Sqrt(list.Sum(value => (value - mean) * (value - mean)) / list.Count);
        return new Spread(mean, list.Min(), list.Max(), deviation, list.Count);
    }

    public static Spread? Of(IEnumerable<double?> values) =>
        Of(values.Where(value => value.HasValue).Select(value => value!.Value));
}
