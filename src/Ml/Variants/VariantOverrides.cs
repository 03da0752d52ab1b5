using Anneal.Vocabulary;

namespace Anneal.Ml.Variants;

/// <summary>
/// A run's overrides as one variant reads them: each setting's value, or the variant's default from
/// <see cref="KnownVariants"/>. Keys the variant does not accept and values outside their setting's range are refused
/// on construction, by the same <see cref="Setting.Check"/> the spec validator calls.
/// </summary>
public sealed class VariantOverrides
{
    private readonly VariantDefinition _variant;
    private readonly IReadOnlyDictionary<string, double> _values;

    /// <exception cref="ArgumentException">A key the variant does not accept, or a value outside its range.</exception>
    public VariantOverrides(VariantDefinition variant, IReadOnlyDictionary<string, double> values, int steps)
    {
        _variant = variant;
        _values = values;
        foreach (var (key, value) in values)
        {
            if (KnownSettings.FindOverride(key) is not { } setting || !variant.Accepts(setting))
            {
                throw new ArgumentException($"variant '{variant.Name}' does not read override '{key}'; it reads: {string.Join(", ", variant.Reads.Select(r => r.Setting.Name))}");
            }
            if (setting.Check(value, steps) is { } problem)
            {
                throw new ArgumentException($"variant '{variant.Name}': override {key} {problem}");
            }
        }
    }

    /// <summary>The run's value of <paramref name="setting"/>, else the variant's default.</summary>
    public double Get(Setting setting) => _values.TryGetValue(setting.Name, out var value) ? value : _variant.DefaultOf(setting);

    /// <summary>A whole-number setting such as warmupSteps (checked whole on construction).</summary>
    public int GetInt(Setting setting) => (int)Get(setting);
}
