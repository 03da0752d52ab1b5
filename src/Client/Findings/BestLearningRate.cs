using System.Globalization;

namespace Anneal.Client.Findings;

/// <summary>
/// A method's learning rates, and the best: the lowest mean final validation loss over seeds. <see cref="AtEdge"/>
/// when the best is the smallest or largest LR tried, so a better one may lie beyond the grid. The selection is made
/// on the same seeds the findings are then judged on, which flatters every method a little.
/// </summary>
public sealed record BestLearningRate(string Method, IReadOnlyList<LearningRateOption> Options)
{
    public LearningRateOption? Best =>
        Options.Where(option => option.MeanValidationLoss.HasValue).MinBy(option => option.MeanValidationLoss!.Value);

    public bool AtEdge => Best is { } best && Options.Count > 1
        && (best.LearningRate == Options.Min(o => o.LearningRate) || best.LearningRate == Options.Max(o => o.LearningRate));

    public static IReadOnlyList<BestLearningRate> For(IReadOnlyList<SweepConfiguration> configurations) =>
        configurations.GroupBy(c => c.MethodKey)
            .Select(group => new BestLearningRate(MethodName(group.First()),
                group.OrderBy(c => c.LearningRate).Select(Option).ToList()))
            .ToList();

    private static LearningRateOption Option(SweepConfiguration configuration)
    {
        var losses = configuration.Completed.Select(run => run.ValidationLoss).OfType<double>().ToList();
        return new LearningRateOption(configuration, losses.Count > 0 ? losses.Average() : null, losses.Count);
    }

    private static string MethodName(SweepConfiguration configuration)
    {
        var name = $"{configuration.Variant}-{configuration.Steps.ToString(CultureInfo.InvariantCulture)}";
        return configuration.Overrides.Count == 0
            ? name
            : name + " (" + string.Join(", ", configuration.Overrides.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key} {p.Value.ToString("0.######", CultureInfo.InvariantCulture)}")) + ")";
    }
}
