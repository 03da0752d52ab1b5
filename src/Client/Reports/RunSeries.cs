namespace Anneal.Client.Reports;

/// <summary>
/// The runs of one configuration (variant, length, overrides, learning rate) across seeds, with their smoothed curves combined.
/// Once any seed has completed, only completed seeds are combined, so a mean never mixes finished and unfinished runs.
/// </summary>
public sealed class RunSeries
{
    private RunSeries(StudyMethod method, int steps, IReadOnlyDictionary<string, double> overrides,
        IReadOnlyList<RunRecord> runs, IReadOnlyList<SmoothedCurve> curves, IReadOnlyList<RunRecord> combined)
    {
        Method = method;
        Steps = steps;
        Overrides = overrides;
        Runs = runs;
        Curves = curves;
        Combined = combined;
        Points = CombinePoints(curves);
    }

    public StudyMethod Method { get; }
    public string Variant => Method.Variant;
    public int Steps { get; }
    public IReadOnlyDictionary<string, double> Overrides { get; }

    /// <summary>Every run of the configuration, one per seed.</summary>
    public IReadOnlyList<RunRecord> Runs { get; }

    /// <summary>The runs whose curves are combined: the completed ones, or all that have data while none has completed.</summary>
    public IReadOnlyList<RunRecord> Combined { get; }

    private IReadOnlyList<SmoothedCurve> Curves { get; }

    /// <summary>The combined smoothed curve at the window ends every combined run shares.</summary>
    public IReadOnlyList<SeriesPoint> Points { get; }

    public bool IsComplete => Runs.Count > 0 && Runs.All(run => run.Status == RunStatus.Completed);
    public bool HasCompletedRun => Runs.Any(run => run.Status == RunStatus.Completed);
    public int SeedCount => Combined.Count;

    /// <summary>Final smoothed train loss across the completed seeds; null until one has completed.</summary>
    public Spread? FinalLoss => HasCompletedRun ? Spread.Of(Curves.Select(curve => curve.ValueAt(Steps))) : null;

    /// <summary>The smoothed loss of the window ending at <paramref name="step"/>, across the combined seeds.</summary>
    public Spread? LossAt(int step)
    {
        var values = Curves.Select(curve => curve.ValueAt(step)).ToList();
        return values.Count > 0 && values.All(value => value.HasValue) ? Spread.Of(values) : null;
    }

    public Spread? ValidationLoss => Spread.Of(Combined.Select(run => run.ValidationLoss));
    public Spread? ValidationAccuracy => Spread.Of(Combined.Select(run => run.ValidationAccuracy));

    /// <summary>Where the furthest run stands, for labelling unfinished series.</summary>
    public int StepsDone => Runs.Count == 0 ? 0 : Runs.Max(run => run.StepsDone);

    public static IReadOnlyList<RunSeries> Group(IEnumerable<RunRecord> runs, int window) =>
        runs.GroupBy(Findings.SweepConfiguration.KeyOf)
            .Select(group => Create(group.OrderBy(run => run.Seed).ToList(), window))
            .ToList();

    private static RunSeries Create(IReadOnlyList<RunRecord> runs, int window)
    {
        var completed = runs.Where(run => run.Status == RunStatus.Completed).ToList();
        var combined = completed.Count > 0 ? completed : runs.Where(run => run.Curve.Count > 0).ToList();
        var curves = combined.Select(run => SmoothedCurve.From(run.Curve, window)).ToList();
        var first = runs[0];
        return new RunSeries(StudyMethods.For(first.Variant), first.Steps, first.Overrides, runs, curves, combined);
    }

    private static List<SeriesPoint> CombinePoints(IReadOnlyList<SmoothedCurve> curves)
    {
        if (curves.Count == 0)
            return [];
        var shared = curves
            .Select(curve => curve.Points.Select(point => point.WindowEnd))
            .Aggregate((left, right) => left.Intersect(right))
            .Order();
        return shared
            .Select(end => new SeriesPoint(end, Spread.Of(curves.Select(curve => curve.ValueAt(end)))!))
            .ToList();
    }
}
