using System.Globalization;

namespace Anneal.Vocabulary;

/// <summary>A range of numbers, each end included or not; printed as mathematicians write it, e.g. "(0, 1]".</summary>
public readonly record struct Interval(double Min, double Max, bool IncludesMin, bool IncludesMax)
{
    public static Interval Open(double min, double max) => new(min, max, false, false);

    public static Interval Closed(double min, double max) => new(min, max, true, true);

    /// <summary>(0, ∞): learning rates and epsilons.</summary>
    public static Interval Positive { get; } = Open(0, double.PositiveInfinity);

    /// <summary>[0, ∞): counts such as warmup steps.</summary>
    public static Interval NonNegative { get; } = new(0, double.PositiveInfinity, true, false);

    public bool Contains(double value) =>
        (IncludesMin ? value >= Min : value > Min) && (IncludesMax ? value <= Max : value < Max);

    /// <summary>What a value must be, for a message: "a positive number", "at least 0" or "in (0, 1)".</summary>
    public string Phrase => this == Positive ? "a positive number" : this == NonNegative ? "at least 0" : $"in {this}";

    public override string ToString() =>
        $"{(IncludesMin ? '[' : '(')}{Format(Min)}, {Format(Max)}{(IncludesMax ? ']' : ')')}";

    private static string Format(double bound) =>
        double.IsPositiveInfinity(bound) ? "∞" : bound.ToString(CultureInfo.InvariantCulture);
}
