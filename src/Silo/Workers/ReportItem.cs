using Anneal.Ml.Training;

namespace Anneal.Silo.Workers;

/// <summary>What the training thread hands to the <see cref="ProgressReporter"/>, handled in order.</summary>
internal abstract record ReportItem
{
    public sealed record Progress(ProgressReport Report) : ReportItem;

    public sealed record Evaluation(EvaluationResult Result) : ReportItem;

    public sealed record Checkpoint(int Step, byte[] Bytes) : ReportItem;

    /// <summary>Completes once everything handed before it was handled (or the reporter stopped).</summary>
    public sealed record Flush(TaskCompletionSource Done) : ReportItem;
}
