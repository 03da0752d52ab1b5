namespace Anneal.Client.Reports;

// report.json's schema. These small records only shape the file; they sit together so the schema reads in one place.

public sealed record ReportJson(
    int SchemaVersion,
    SweepJson Sweep,
    DateTimeOffset GeneratedAt,
    int SmoothingWindow,
    string SeedBand,
    bool Partial,
    IReadOnlyList<RunJson> Runs,
    IReadOnlyList<SeriesJson> Series,
    ParetoJson Pareto,
    IReadOnlyList<FigureJson> Figures,
    IReadOnlyList<SkippedFigureJson> SkippedFigures);

public sealed record SweepJson(string Id, string Name, string Dataset, string Status, int? BatchSize, double? LearningRate,
    int Runs, int CompletedRuns);

public sealed record RunJson(
    string RunId, string Variant, int Steps, int Seed, string Status, int StepsDone,
    IReadOnlyDictionary<string, double> Overrides,
    double? FinalSmoothedLoss, double? LatestSmoothedLoss, double? ValidationLoss, double? ValidationAccuracy,
    double? StepsPerSecond, double? WallTimeSeconds, string? FailureReason, int? Threads, string? Kernels);

public sealed record SeriesJson(
    string Variant, int Steps, IReadOnlyDictionary<string, double> Overrides, IReadOnlyList<int> Seeds, int SeedsCombined,
    Spread? FinalSmoothedLoss, Spread? ValidationLoss, Spread? ValidationAccuracy);

public sealed record ParetoJson(IReadOnlyList<ParetoColumnJson> Methods, IReadOnlyList<ParetoRowJson> Rows);

public sealed record ParetoColumnJson(string Variant, string Label, int Steps, int Compared, int AtOrBelowLinear, bool Dominant);

public sealed record ParetoRowJson(int LinearSteps, Spread? LinearFinal, IReadOnlyDictionary<string, Spread?> MethodsAtStep);

public sealed record FigureJson(string Id, string Caption, string Png, string Svg, IReadOnlyList<string> Notes);

public sealed record SkippedFigureJson(string Id, string Caption, string Reason);
