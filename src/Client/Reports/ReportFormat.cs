using System.Globalization;

namespace Anneal.Client.Reports;

/// <summary>How numbers read in the report's tables (invariant culture, so reports diff cleanly between machines).</summary>
public static class ReportFormat
{
    public const string Missing = "—";

    public static string Loss(double? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? Missing;

    public static string Accuracy(double? value) =>
        value is { } accuracy ? (accuracy * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : Missing;

    public static string Rate(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? Missing;

    public static string Steps(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"1 step", "1,000 steps".</summary>
    public static string StepCount(int value) => Steps(value) + (value == 1 ? " step" : " steps");

    public static string Duration(TimeSpan? value) => value switch
    {
        null => Missing,
        { TotalHours: >= 1 } span => $"{(int)span.TotalHours}h {span.Minutes:00}m",
        { TotalMinutes: >= 1 } span => $"{(int)span.TotalMinutes}m {span.Seconds:00}s",
        { } span => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s",
    };

    /// <summary>A value across seeds: the mean, and the min–max range when there are several.</summary>
    public static string Spread(Spread? spread, Func<double?, string> format) => spread switch
    {
        null => Missing,
        { Count: 1 } single => format(single.Mean),
        { } many => $"{format(many.Mean)} ({format(many.Min)}–{format(many.Max)})",
    };
}
