using System.Globalization;

namespace Anneal.Vocabulary;

/// <summary>
/// A number a run can set, as a spec file, <c>anneal train</c> and the training core all spell it, with the values the
/// training core accepts. The spec validator and the training core both call <see cref="Check"/>, so a value is
/// refused in the same words before a sweep is submitted and inside a silo.
/// </summary>
/// <param name="Name">The spec's key (e.g. "beta2"); <c>anneal train</c> takes it as <c>--beta2</c>.</param>
/// <param name="Description">What it changes, in one line.</param>
/// <param name="Range">The accepted values.</param>
public sealed record Setting(string Name, string Description, Interval Range)
{
    /// <summary>Only whole numbers (a count of steps, a choice between shapes).</summary>
    public bool WholeNumber { get; init; }

    /// <summary>Must be below the run's steps (a warmup must leave the schedule at least one step).</summary>
    public bool BelowRunLength { get; init; }

    /// <summary>Null when <paramref name="value"/> is acceptable for a run of <paramref name="steps"/> steps, else what is wrong.</summary>
    public string? Check(double value, int steps)
    {
        if (!double.IsFinite(value)) return $"must be a finite number, got {Format(value)}";
        if (!Range.Contains(value)) return $"must be {Range.Phrase}, got {Format(value)}";
        if (WholeNumber && value != Math.Floor(value)) return $"must be a whole number, got {Format(value)}";
        if (BelowRunLength && value >= steps) return $"must be less than the run's {steps} steps, got {Format(value)}";
        return null;
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
