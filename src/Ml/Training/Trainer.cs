using System.Diagnostics;
using TorchSharp;
using Anneal.Ml.Data;
using Anneal.Ml.Devices;
using Anneal.Ml.Models;
using Anneal.Ml.Optimization;
using Anneal.Ml.Variants;
using static TorchSharp.torch;

namespace Anneal.Ml.Training;

/// <summary>
/// Trains one TinyViT run: the study's batch sampling, the variant's optimization method, a dispose scope per step,
/// progress, evaluation and checkpoints. All randomness (initial weights, dropout masks, batch indices) comes from
/// generators this trainer owns and checkpoints, so runs in one process never share a random stream and a resumed
/// run continues bit for bit on CPU.
/// </summary>
public sealed class Trainer : IDisposable
{
    /// <summary>
    /// Test images per evaluation batch. Every intermediate of an evaluation batch lives until the batch's dispose
    /// scope ends, so the whole forward pass is resident at once: 500 images raised RSS by 190-320 MB (kept mapped by
    /// the allocator tuning); the cost scales with the batch, so 128 holds about a quarter of that.
    /// </summary>
    public const int EvaluationBatchSize = 128;

    private readonly TrainingOptions _options;
    private readonly DatasetSplits _data;
    private readonly Device _device;
    private readonly Action<string> _log;
    private readonly DropoutMaskStream _dropoutStream;
    private readonly TinyVit _model;
    private readonly FlatParameters _parameters;
    private readonly IOptimizationMethod _method;
    private readonly BatchSampler _sampler;
    private readonly TrainingStepContext _context;
    private readonly Evaluator _evaluator;
    private readonly string _fingerprint;
    private readonly int _threads;

    /// <exception cref="ArgumentException">Invalid options, an unknown variant or override, or splits that do not match.</exception>
    public Trainer(TrainingOptions options, DatasetSplits data, ComputeDevice device, Action<string>? log = null)
    {
        options.Validate();
        if (data.Train.Channels != data.Test.Channels || data.Train.Classes != data.Test.Classes)
        {
            throw new ArgumentException($"train split {data.Train.Name} and test split {data.Test.Name} differ in channels or classes");
        }
        _options = options;
        _data = data;
        _log = log ?? (_ => { });
        _device = device.Apply();
        _threads = device.Threads;

        _dropoutStream = new DropoutMaskStream(DropoutKey(options.Seed));
        var dropoutMasks = new DropoutMasks(_dropoutStream);
        using (var initialization = new Generator((ulong)options.Seed, CPU))
        {
            _model = new TinyVit(data.Train.Channels, data.Train.Classes, initialization, dropoutMasks);
        }
        _model.to(_device);
        _model.train();
        _parameters = new FlatParameters(_model.parameters());
        _method = VariantCatalog.Create(options, _parameters);
        _sampler = new BatchSampler(data.Train, options.BatchSize, options.Seed);
        _context = new TrainingStepContext(_model, _parameters, dropoutMasks);
        _evaluator = new Evaluator(_model, _parameters, data.Test, _device, Pulse);
        _fingerprint = CheckpointFormat.Fingerprint(options, data.Train.Channels, _parameters.Count);
        _log($"TinyViT {_parameters.Count:N0} parameters, variant {options.Variant}, {options.Steps:N0} steps of {options.BatchSize} from {data.Train.Name} ({data.Train.Count:N0} images)");
    }

    /// <summary>Beats once per training step and once per evaluation batch: a silo renews a run's lease only while it beats.</summary>
    public TrainingPulse Pulse { get; } = new();

    /// <summary>Steps completed.</summary>
    public int Step { get; private set; }

    public long ParameterCount => _parameters.Count;

    public TrainingOptions Options => _options;

    /// <summary>Torch intra-op threads this trainer computes with (recorded in its checkpoints).</summary>
    public int Threads => _threads;

    /// <summary>Trains until <see cref="TrainingOptions.Steps"/>, or <paramref name="stopAt"/> if earlier, or cancellation.</summary>
    public TrainingOutcome Run(ITrainingObserver observer, int? stopAt = null, CancellationToken cancellationToken = default)
    {
        var target = Math.Min(stopAt ?? _options.Steps, _options.Steps);
        var clock = Stopwatch.StartNew();
        var firstStep = Step;
        var pending = new List<float>();
        var reportClock = Stopwatch.StartNew();
        TrainingStatus? status = null;
        string? failure = null;
        EvaluationResult? final = null;

        while (Step < target)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                status = TrainingStatus.Cancelled;
                break;
            }
            var loss = TrainStep();
            Step++;
            Pulse.Beat();
            pending.Add(loss);
            var live = _context.LastForwardLoss;
            if (!float.IsFinite(loss) || !float.IsFinite(live))
            {
                status = TrainingStatus.Failed;
                failure = $"non-finite loss at step {Step}: reported {loss}, at the gradient point {live}";
                _log(failure);
                break;
            }
            // Evaluation before the progress report, so an observer writing one row per step has both at hand.
            if (Step == _options.Steps || (_options.EvalEvery > 0 && Step % _options.EvalEvery == 0))
            {
                var evaluation = Evaluate();
                observer.OnEvaluation(evaluation);
                if (Step == _options.Steps)
                {
                    final = evaluation;
                    status = TrainingStatus.Completed;
                }
            }
            if (Step % _options.ProgressEvery == 0 || Step == target)
            {
                Report(observer, pending, reportClock);
            }
            if (_options.CheckpointEvery > 0 && Step % _options.CheckpointEvery == 0)
            {
                observer.OnCheckpointDue(Step);
            }
        }
        if (pending.Count > 0)
        {
            Report(observer, pending, reportClock);
        }
        if (status is null && Step == _options.Steps)
        {
            // Resumed from a checkpoint of the last step: nothing to train, the run is complete.
            final = Evaluate();
            observer.OnEvaluation(final);
            status = TrainingStatus.Completed;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var stepsPerSecond = seconds > 0 ? (Step - firstStep) / seconds : 0;
        return new TrainingOutcome(status ?? TrainingStatus.Stopped, Step, failure, final, stepsPerSecond, clock.Elapsed);
    }

    /// <summary>The learning rate of 1-based step <paramref name="step"/> (as <see cref="ProgressReport.FirstStep"/> counts).</summary>
    public double LearningRateOfStep(int step) => _method.LearningRate(step - 1);

    /// <summary>Test loss and accuracy of the evaluated parameters (the average where the variant keeps one) now.</summary>
    public EvaluationResult Evaluate()
    {
        using var point = _method.EvaluationPoint(Step);
        var (loss, accuracy) = _evaluator.Evaluate(point, EvaluationBatchSize, _options.EvalBatches);
        return new EvaluationResult(Step, loss, accuracy);
    }

    /// <summary>Writes weights, optimizer and averaging state, step, and every RNG and sampler state.</summary>
    public void SaveCheckpoint(Stream destination)
    {
        using var writer = new BinaryWriter(destination, System.Text.Encoding.UTF8, leaveOpen: true);
        CheckpointFormat.WriteHeader(writer, _fingerprint, _threads);
        writer.Write(Step);
        writer.Write(_sampler.State);
        writer.Write(_dropoutStream.Position);
        TensorIO.Write(writer, _parameters.Values);
        _method.Save(writer);
    }

    /// <summary>
    /// Restores a checkpoint of this same run; <see cref="Run"/> then continues bit for bit (CPU) when this trainer has
    /// the thread count the checkpoint was trained with. Callers resume through <see cref="TrainingStart"/>, which
    /// says when the counts differ.
    /// </summary>
    /// <returns>The thread count the checkpoint was trained with.</returns>
    /// <exception cref="InvalidDataException">Not a checkpoint, truncated, or written for different options.</exception>
    public int LoadCheckpoint(Stream source)
    {
        // A checkpoint that fails halfway must not leave this trainer half-restored: keep the current state to roll back to.
        using var before = new MemoryStream();
        SaveCheckpoint(before);
        try
        {
            return Restore(source);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            before.Position = 0;
            Restore(before);
            throw e as InvalidDataException ?? new InvalidDataException("checkpoint is truncated", e);
        }
    }

    private int Restore(Stream source)
    {
        using var reader = new BinaryReader(source, System.Text.Encoding.UTF8, leaveOpen: true);
        var threads = CheckpointFormat.ReadHeader(reader, _fingerprint);
        var step = reader.ReadInt32();
        var samplerState = reader.ReadUInt64();
        var dropoutPosition = reader.ReadUInt64();
        TensorIO.Read(reader, _parameters.Values);
        _method.Load(reader);
        Step = step;
        _sampler.State = samplerState;
        _dropoutStream.Position = dropoutPosition;
        return threads;
    }

    private float TrainStep()
    {
        using var scope = NewDisposeScope();
        _sampler.Next();
        var images = ImageTensors.FromPixels(_sampler.Pixels, _options.BatchSize, _data.Train.Channels, _device);
        var labels = tensor(_sampler.Labels).to(_device);
        _context.Begin(images, labels);
        return _method.Step(Step, _context);
    }

    private void Report(ITrainingObserver observer, List<float> pending, Stopwatch reportClock)
    {
        var seconds = reportClock.Elapsed.TotalSeconds;
        observer.OnProgress(new ProgressReport(
            Step - pending.Count + 1, pending.ToArray(), _method.LearningRate(Step - 1), seconds > 0 ? pending.Count / seconds : 0));
        pending.Clear();
        reportClock.Restart();
    }

    // Dropout draws from its own stream, distinct from the initialisation stream of the same seed; the seed is mixed
    // so that the streams of neighbouring seeds are unrelated.
    private static ulong DropoutKey(int seed) => DropoutMaskStream.Word(0xD1B54A32D192ED03UL, (uint)seed);

    public void Dispose()
    {
        _context.Dispose();
        _method.Dispose();
        _parameters.Dispose();
        _model.Dispose();
    }
}
