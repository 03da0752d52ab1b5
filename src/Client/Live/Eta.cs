using Anneal.Client.Reports;

namespace Anneal.Client.Live;

internal static class Eta
{
    public static string Of(int remainingSteps, double? stepsPerSecond) =>
        stepsPerSecond is > 0 ? Of(TimeSpan.FromSeconds(remainingSteps / stepsPerSecond.Value)) : Of(null);

    public static string Of(TimeSpan? left) =>
        left is { } time ? "ETA " + ReportFormat.Duration(TimeSpan.FromSeconds(Math.Ceiling(time.TotalSeconds))) : "ETA —";
}
