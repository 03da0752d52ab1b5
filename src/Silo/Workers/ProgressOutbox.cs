using Anneal.Contracts.Runs;
using Anneal.Contracts.Work;
using Anneal.Ml.Training;

namespace Anneal.Silo.Workers;

/// <summary>
/// Losses and validation points on their way to the run grain. Each stays here until an acknowledgement says the grain
/// stored its step durably, so a grain that moves to another silo and lost what it held in memory can ask again: both
/// are acknowledged by step (a validation point at step s is dropped only once the grain's durable step reaches s).
/// </summary>
internal sealed class ProgressOutbox(string runId)
{
    private readonly List<float> _losses = [];
    private readonly List<EvaluationPoint> _evaluations = [];
    private int _firstStep = 1;
    private double _learningRate;
    private double _stepsPerSecond;

    /// <summary>The last step the grain has (in memory at least); the next batch starts after it.</summary>
    public int AcceptedThrough { get; private set; }

    /// <summary>The last step whose loss the trainer handed over.</summary>
    public int LastStep => _firstStep + _losses.Count - 1;

    /// <summary>Validation points not yet stored durably by the grain.</summary>
    public IReadOnlyList<EvaluationPoint> PendingEvaluations => _evaluations;

    /// <summary>The trainer resumed after <paramref name="resumedStep"/>: the grain has everything up to it.</summary>
    public void Start(int resumedStep)
    {
        _firstStep = resumedStep + 1;
        AcceptedThrough = resumedStep;
    }

    public void Append(ProgressReport report)
    {
        var expected = LastStep + 1;
        if (report.FirstStep != expected)
            throw new InvalidOperationException($"run {runId}: progress from step {report.FirstStep}, expected {expected}");
        _losses.AddRange(report.Losses);
        _learningRate = report.LearningRate;
        _stepsPerSecond = report.StepsPerSecond;
    }

    public void Add(EvaluationResult result) => _evaluations.Add(new EvaluationPoint(result.Step, result.Loss, result.Accuracy));

    /// <summary>
    /// Whether the grain lacks a loss or a validation point it can take now (a point counts only with its step's loss:
    /// the grain stores it only then).
    /// </summary>
    public bool HasUnsent => AcceptedThrough < LastStep || _evaluations.Any(Sendable);

    /// <summary>Everything after <see cref="AcceptedThrough"/>.</summary>
    /// <exception cref="InvalidOperationException">The grain asks for steps this outbox already dropped as durable.</exception>
    public ProgressBatch NextBatch()
    {
        var first = AcceptedThrough + 1;
        if (first < _firstStep)
            throw new InvalidOperationException($"run {runId} lost its losses before step {_firstStep}; the attempt must restart from the checkpoint");
        var losses = first <= LastStep ? _losses.GetRange(first - _firstStep, LastStep - first + 1).ToArray() : [];
        return new ProgressBatch(Math.Min(first, LastStep + 1), losses, _learningRate, _stepsPerSecond, _evaluations.Where(Sendable).ToArray());
    }

    /// <summary>The grain took the batch: remember what it has, and drop what it stored durably.</summary>
    public void Acknowledge(ProgressAck ack)
    {
        AcceptedThrough = ack.NextStep - 1;
        var durable = Math.Min(ack.DurableStep, AcceptedThrough);
        var count = Math.Min(_losses.Count, durable - _firstStep + 1);
        if (count > 0)
        {
            _losses.RemoveRange(0, count);
            _firstStep += count;
        }
        _evaluations.RemoveAll(e => e.Step <= durable);
    }

    private bool Sendable(EvaluationPoint point) => point.Step > AcceptedThrough && point.Step <= LastStep;
}
