using Anneal.Client.Reports;

namespace Anneal.Client.Live;

internal static class Eta
{
    public static string Of(int remainingSteps, double? stepsPerSecond) =>
        stepsPerSecond is > 0 ? "ETA " + ReportFormat.Duration(TimeSpan.FromSeconds(Math.Ceiling(remainingSteps / stepsPerSecond.Value))) : "ETA —";
}
