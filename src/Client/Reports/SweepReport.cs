using Anneal.Client.Findings;

namespace Anneal.Client.Reports;

/// <summary>Everything the report says about a sweep, computed once and written out as Markdown, JSON, CSV and figures.</summary>
public sealed class SweepReport
{
    private SweepReport(SweepRecord sweep, SmoothingChoice smoothing, double? minEffect)
    {
        Sweep = sweep;
        Smoothing = smoothing;
        var window = smoothing.Steps;
        Series = RunSeries.Group(sweep.Runs, window);
        (Figures, SkippedFigures) = StudyFigures.Plan(Series);
        Pareto = ParetoTable.Build(Series);
        Rows = sweep.Runs.Select(Row).ToList();
        // Verdicts use their own window, never the report's smoothing (--smooth changes figures only).
        Findings = FindingsEvaluation.Evaluate(sweep, minEffect);
    }

    public SweepRecord Sweep { get; }
    public SmoothingChoice Smoothing { get; }
    public int Window => Smoothing.Steps;
    public IReadOnlyList<RunSeries> Series { get; }
    public IReadOnlyList<FigurePlan> Figures { get; }
    public IReadOnlyList<SkippedFigure> SkippedFigures { get; }
    public ParetoTable Pareto { get; }
    public IReadOnlyList<RunRow> Rows { get; }
    public FindingsEvaluation Findings { get; }

    public int CompletedRuns => Sweep.Runs.Count(run => run.Status == RunStatus.Completed);
    public bool IsPartial => CompletedRuns < Sweep.Runs.Count;
    public bool HasSeveralSeeds => Series.Any(series => series.Runs.Count > 1);

    public static SweepReport Build(SweepRecord sweep, int? smoothingWindow = null, double? minEffect = null) =>
        new(sweep, SmoothingWindow.Choose(sweep, smoothingWindow), minEffect);

    public SmoothedCurve SmoothedCurveOf(RunRecord run) => SmoothedCurve.From(run.Curve, Window);

    private RunRow Row(RunRecord run)
    {
        var curve = SmoothedCurveOf(run);
        var label = $"{StudyMethods.For(run.Variant).Label} {run.Steps}";
        return new RunRow(
            run,
            label,
            run.Status == RunStatus.Completed ? curve.ValueAt(run.Steps) : null,
            curve.Points.Count > 0 ? curve.Points[^1].Loss : null);
    }
}
