using System.Globalization;
using Anneal.Client.Reports;

namespace Anneal.Client.Findings;

/// <summary>
/// One configuration of a sweep, (variant, steps, overrides, learning rate), with its runs: one per seed. Two
/// configurations are compared seed by seed.
/// </summary>
public sealed record SweepConfiguration(string Name, string Variant, int Steps, IReadOnlyDictionary<string, double> Overrides,
    double? LearningRate, IReadOnlyList<RunRecord> Runs)
{
    /// <summary>The configuration without its learning rate: what a best-LR selection chooses an LR for.</summary>
    public string MethodKey => string.Join("|", new[] { Variant, Steps.ToString(CultureInfo.InvariantCulture) }
        .Concat(Overrides.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value:R}")));

    public string Key => $"{MethodKey}|lr={LearningRate:R}";

    /// <summary>The configuration a run belongs to: its seeds share this key. One definition for the report's series and the findings.</summary>
    public static string KeyOf(RunRecord run) => Of(run, []).Key;

    public IEnumerable<RunRecord> Completed => Runs.Where(run => run.Status == RunStatus.Completed);

    /// <summary>Groups runs by configuration, keeping the order of their first appearance.</summary>
    public static IReadOnlyList<SweepConfiguration> Group(IEnumerable<RunRecord> runs) =>
        runs.GroupBy(KeyOf)
            .Select(group => Of(group.First(), group.OrderBy(run => run.Seed).ToList()))
            .ToList();

    private static SweepConfiguration Of(RunRecord run, IReadOnlyList<RunRecord> runs) =>
        new(run.DisplayName, run.Variant, run.Steps, run.Overrides, run.LearningRate, runs);
}
