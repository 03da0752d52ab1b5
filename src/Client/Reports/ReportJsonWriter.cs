using System.Text.Json;
using System.Text.Json.Serialization;

namespace Anneal.Client.Reports;

/// <summary>report.json: the report's numbers for scripts, in the same terms as the Markdown tables.</summary>
public static class ReportJsonWriter
{
    public const int SchemaVersion = 1;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static ReportJson ToJson(SweepReport report, DateTimeOffset generatedAt)
    {
        var sweep = report.Sweep;
        return new ReportJson(
            SchemaVersion,
            new SweepJson(sweep.SweepId, sweep.Name, sweep.Dataset, sweep.Status, sweep.BatchSize, sweep.LearningRate,
                sweep.Runs.Count, report.CompletedRuns),
            generatedAt,
            report.Window,
            "min-max",
            report.IsPartial,
            report.Rows.Select(Run).ToList(),
            report.Series.Select(Series).ToList(),
            Pareto(report.Pareto),
            report.Figures.Select(f => new FigureJson(f.Id, f.Caption, f.Id + ".png", f.Id + ".svg", f.Notes)).ToList(),
            report.SkippedFigures.Select(s => new SkippedFigureJson(s.Id, s.Caption, s.Reason)).ToList(),
            FindingsJson.Context(report.Findings),
            report.Findings.Findings.Select(FindingsJson.Finding).ToList(),
            report.Findings.BestLearningRates.Select(FindingsJson.BestLearningRate).ToList());
    }

    public static void Write(SweepReport report, string path, DateTimeOffset generatedAt) =>
        File.WriteAllText(path, JsonSerializer.Serialize(ToJson(report, generatedAt), Options) + "\n");

    private static RunJson Run(RunRow row)
    {
        var run = row.Run;
        return new RunJson(run.RunId, run.Variant, run.Steps, run.Seed, run.Status.ToString().ToLowerInvariant(),
            run.StepsDone, run.Overrides, row.FinalSmoothedLoss, row.LatestSmoothedLoss, run.ValidationLoss,
            run.ValidationAccuracy, run.StepsPerSecond, run.WallTime?.TotalSeconds, run.FailureReason, run.Threads, run.Kernels);
    }

    private static SeriesJson Series(RunSeries series) =>
        new(series.Variant, series.Steps, series.Overrides, series.Runs.Select(run => run.Seed).ToList(), series.SeedCount,
            series.FinalLoss, series.ValidationLoss, series.ValidationAccuracy);

    private static ParetoJson Pareto(ParetoTable table) =>
        new(table.Columns.Select(c => new ParetoColumnJson(c.Variant, c.Label, c.Steps, c.Compared, c.AtOrBelowLinear,
                c.Dominates(table.Rows.Count))).ToList(),
            table.Rows.Select(row => new ParetoRowJson(row.LinearSteps, row.Linear,
                table.Columns.Select((c, i) => (c.Variant, Value: row.Methods[i]))
                    .ToDictionary(pair => pair.Variant, pair => pair.Value))).ToList());
}
