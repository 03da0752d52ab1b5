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
    IReadOnlyList<SkippedFigureJson> SkippedFigures,
    FindingsContextJson FindingsContext,
    IReadOnlyList<FindingJson> Findings,
    IReadOnlyList<BestLearningRateJson> BestLearningRates);

/// <summary>How every finding was judged: the verdict window, δ, Holm's family size and the seed count.</summary>
public sealed record FindingsContextJson(int Window, string WindowReason, double? MinEffect, string MinEffectRule, int HolmFamilySize,
    int Seeds, double? SharedLearningRate, string? SeedCaveat);

/// <summary>
/// One finding on one metric at one learning-rate choice. The top-level numbers are its single comparison's; a
/// compound finding (several parts) leaves them null and lists each part.
/// </summary>
public sealed record FindingJson(
    string Id, string Claim, string Metric, string LearningRates, string Verdict,
    double? MeanEffect, double? MeanEffectPercent, double? CiLow, double? CiHigh, double? CiLevel, double? MinEffect,
    int? Wins, int? Seeds, IReadOnlyList<DifferenceJson> Differences, int Window, string? Needs, IReadOnlyList<ComparisonJson> Parts);

public sealed record ComparisonJson(
    string Label, string Claim, string Kind, string A, int StepA, double? LearningRateA, string B, int StepB, double? LearningRateB,
    string Verdict, double? MeanEffect, double? MeanEffectPercent, double? StandardDeviation, double? CiLow, double? CiHigh,
    double? CiLevel, double? MinEffect, double? PValue, HolmJson? Holm, int Wins, int Seeds, IReadOnlyList<DifferenceJson> Differences);

/// <summary>One seed: the metric in arms A and B, and B − A (&gt; 0: A did better).</summary>
public sealed record DifferenceJson(int Seed, double A, double B, double Difference);

public sealed record HolmJson(int Rank, int FamilySize, double Alpha);

public sealed record BestLearningRateJson(string Method, double? Best, bool AtEdge, IReadOnlyList<LearningRateOptionJson> Options);

public sealed record LearningRateOptionJson(double? LearningRate, double? MeanValidationLoss, int Seeds);

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
