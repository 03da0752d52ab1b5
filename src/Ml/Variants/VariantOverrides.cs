using System.Globalization;

namespace Anneal.Ml.Variants;

/// <summary>Reads a variant's overrides, rejecting keys it does not know and values outside their range.</summary>
public sealed class VariantOverrides
{
    public const string EmaRate = "emaRate";
    public const string WarmupSteps = "warmupSteps";
    public const string DecayAt = "decayAt";
    public const string DecayFactor = "decayFactor";
    public const string CooldownFraction = "cooldownFraction";
    public const string CooldownShape = "cooldownShape";
    public const string Beta1 = "beta1";
    public const string WeightDecay = "weightDecay";
    public const string WeightLrPower = "weightLrPower";

    private readonly IReadOnlyDictionary<string, double> _values;
    private readonly string _variant;

    /// <param name="accepted">Keys the variant reads. <see cref="EmaRate"/> is always accepted: a sweep preset may scale
    /// EMA rates across all variants, and those without an EMA ignore it.</param>
    public VariantOverrides(string variant, IReadOnlyDictionary<string, double> values, IReadOnlyCollection<string> accepted)
    {
        _variant = variant;
        _values = values;
        foreach (var key in values.Keys)
        {
            if (key != EmaRate && !accepted.Contains(key))
            {
                var known = string.Join(", ", accepted.Append(EmaRate).Distinct());
                throw new ArgumentException($"variant '{variant}' does not read override '{key}'; it reads: {known}");
            }
        }
    }

    public double Get(string key, double fallback, double min, double max, bool exclusiveMin = false, bool exclusiveMax = false)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            return fallback;
        }
        var tooLow = exclusiveMin ? value <= min : value < min;
        var tooHigh = exclusiveMax ? value >= max : value > max;
        if (double.IsNaN(value) || tooLow || tooHigh)
        {
            var range = $"{(exclusiveMin ? "(" : "[")}{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}{(exclusiveMax ? ")" : "]")}";
            throw new ArgumentException($"variant '{_variant}': override {key}={value.ToString(CultureInfo.InvariantCulture)} is outside {range}");
        }
        return value;
    }

    public int GetSteps(string key, int fallback, int totalSteps) => (int)Get(key, fallback, 0, totalSteps - 1);
}
