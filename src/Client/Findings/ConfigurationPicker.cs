using Anneal.Vocabulary;
using System.Globalization;
using Anneal.Contracts.Specs;

namespace Anneal.Client.Findings;

/// <summary>
/// Finds a finding's configurations by variant and length. Where several share both (other overrides), the one
/// with the fewest overrides wins, then the first by name, so the choice is the same on every report.
/// </summary>
internal sealed class ConfigurationPicker(IReadOnlyList<SweepConfiguration> configurations)
{
    public IEnumerable<SweepConfiguration> All(string variant) =>
        configurations.Where(c => c.Variant == variant)
            .GroupBy(c => c.Steps)
            .Select(Preferred);

    public SweepConfiguration? At(string variant, int steps) =>
        All(variant).FirstOrDefault(c => c.Steps == steps);

    public SweepConfiguration? Longest(string variant, Func<int, bool>? lengthQualifies = null) =>
        All(variant).Where(c => lengthQualifies?.Invoke(c.Steps) ?? true).MaxBy(c => c.Steps);

    /// <summary>The EMA with the highest rate (its emaRate override, else the rate its variant name carries), longest first.</summary>
    public SweepConfiguration? SlowestEma() =>
        configurations.Where(c => c.Variant.StartsWith("ema-", StringComparison.Ordinal))
            .OrderByDescending(EmaRate)
            .ThenByDescending(c => c.Steps)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();

    private static double EmaRate(SweepConfiguration configuration) =>
        configuration.Overrides.TryGetValue(KnownSettings.EmaRate.Name, out var rate)
            ? rate
            : double.TryParse(configuration.Variant["ema-".Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var named) ? named : 0;

    private static SweepConfiguration Preferred(IEnumerable<SweepConfiguration> sameLength) =>
        sameLength.OrderBy(c => c.Overrides.Count).ThenBy(c => c.Name, StringComparer.Ordinal).First();
}
