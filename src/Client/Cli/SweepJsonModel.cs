using Anneal.Contracts.Sweeps;

namespace Anneal.Client.Cli;

// The shapes of --json output, documented in docs/cli.md. Small records kept together so the schema reads in one place.

public sealed record StartedJson(string SweepId);

public sealed record DeletedJson(string SweepId, int RunsDeleted);

public sealed record RetriedJson(string SweepId, SweepStatus Status, int RunsRequeued);

public sealed record SweepListingJson(string SweepId, string Name, SweepStatus Status, DateTimeOffset CreatedAt, RunCounts Counts);

public sealed record SweepShowJson(
    string SweepId, string Name, SweepStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt,
    string Dataset, int SmoothingWindow, RunCounts Counts, IReadOnlyList<RunShowJson> Runs);

public sealed record RunShowJson(
    string RunId, string Label, string Variant, int Steps, int Seed, Anneal.Contracts.Runs.RunStatus Status, int Step,
    int Attempts, double? SmoothedLoss, double? FinalSmoothedLoss, ValidationJson? Validation, double? StepsPerSecond,
    double? TrainingTimeSeconds, string? FailureReason);

public sealed record ValidationJson(int Step, double Loss, double Accuracy);

public sealed record ReportWrittenJson(string SweepId, string Directory, string Report, IReadOnlyList<string> Files);

public sealed record FollowedJson(SweepShowJson Sweep, ReportWrittenJson Report);
