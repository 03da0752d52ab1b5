using Anneal.Client.Reports;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;

namespace Anneal.Client.Cluster;

/// <summary>Turns what the grains say about a sweep into the report's model.</summary>
public static class SweepRecordMapper
{
    public static SweepRecord ToRecord(SweepSummary sweep, IReadOnlyList<RunDetails> runs) => new()
    {
        SweepId = sweep.SweepId,
        Name = sweep.Name,
        Dataset = sweep.Spec.Dataset,
        Status = sweep.Status.ToString().ToLowerInvariant(),
        BatchSize = sweep.Spec.BatchSize,
        LearningRate = sweep.Spec.LearningRate,
        SmoothingWindow = sweep.Spec.SmoothingWindow,
        MinEffect = sweep.Spec.MinEffect,
        Runs = runs.Select(ToRecord).ToList(),
    };

    public static RunRecord ToRecord(RunDetails details)
    {
        var summary = details.Summary;
        var stepsDone = summary.Status == RunStatus.Completed ? summary.Steps : summary.Progress?.Step ?? 0;
        var trained = summary.TrainingTime > TimeSpan.Zero ? summary.TrainingTime : (TimeSpan?)null;
        return new RunRecord
        {
            RunId = summary.RunId,
            Variant = summary.Variant,
            Label = details.Definition.Label,
            LearningRate = details.Definition.LearningRate,
            Steps = summary.Steps,
            Seed = summary.Seed,
            Status = summary.Status,
            StepsDone = stepsDone,
            Curve = ToPoints(details.Curve),
            Overrides = details.Definition.Overrides,
            ValidationLoss = summary.FinalEvaluation?.Loss,
            ValidationAccuracy = summary.FinalEvaluation?.Accuracy,
            // Over the whole training time, across attempts, when known; else the latest report's speed.
            StepsPerSecond = trained is { } time && stepsDone > 0 ? stepsDone / time.TotalSeconds : summary.Progress?.StepsPerSecond,
            WallTime = trained,
            FailureReason = summary.FailureReason,
            Threads = summary.Threads,
            Kernels = summary.Kernels,
        };
    }

    /// <summary>Bucket i of <see cref="LossCurve"/> ends at step min((i+1)·BucketSteps, LastStep).</summary>
    public static IReadOnlyList<CurvePoint> ToPoints(LossCurve curve)
    {
        var points = new List<CurvePoint>(curve.Means.Count);
        for (var i = 0; i < curve.Means.Count; i++)
        {
            var end = Math.Min((i + 1) * curve.BucketSteps, curve.LastStep);
            if (points.Count > 0 && end <= points[^1].Step)
                break;
            points.Add(new CurvePoint(end, curve.Means[i]));
        }
        return points;
    }
}
