using System.Globalization;

namespace Anneal.Client.Reports;

/// <summary>
/// curves.csv: every run's downsampled curve, one row per point, with the moving average over the window that
/// ends at that step (empty before the first full window), ready for pandas or a spreadsheet.
/// </summary>
public static class CurvesCsvWriter
{
    public const string Header = "run_id,variant,steps,seed,status,step,mean_loss,smoothed_loss";

    public static void Write(SweepReport report, string path)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(Header);
        foreach (var run in report.Sweep.Runs)
        {
            var smoothed = report.SmoothedCurveOf(run);
            foreach (var point in run.Curve)
            {
                writer.WriteLine(string.Join(",",
                    Quote(run.RunId), Quote(run.Variant), Number(run.Steps), Number(run.Seed),
                    run.Status.ToString().ToLowerInvariant(), Number(point.Step),
                    point.MeanLoss.ToString("R", CultureInfo.InvariantCulture),
                    smoothed.ValueAt(point.Step)?.ToString("R", CultureInfo.InvariantCulture) ?? ""));
            }
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
