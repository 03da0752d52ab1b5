using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Anneal.Client.Data;
using Anneal.Client.Output;
using Anneal.Ml.Data;
using Anneal.Ml.Devices;
using Anneal.Ml.Training;
using Anneal.Ml.Variants;
using Anneal.Vocabulary;
using Spectre.Console;

namespace Anneal.Client.Commands;

/// <summary><c>anneal train</c>: one run in-process, with a progress bar, DIR/curve.csv and DIR/result.json.</summary>
public sealed class TrainCommand : Command
{
    private const int ProgressEvery = 10;
    private const double DefaultLearningRate = 1e-3;
    private readonly CliConsoles _consoles;
    private readonly Option<string> _variant = new Option<string>("--variant") { Description = "Training variant (see `anneal variants`)" }
        .AcceptOnlyFromAmong([.. KnownVariants.Names]);
    private readonly Option<int> _steps = CommonOptions.PositiveInt("--steps", 0, "Training steps");
    private readonly Option<string> _dataset = new Option<string>("--dataset") { Description = "cifar10, fashion-mnist or synthetic", DefaultValueFactory = _ => DatasetCatalog.Cifar10 }
        .AcceptOnlyFromAmong([.. DatasetCatalog.Names]);
    private readonly Option<string?> _data = new("--data") { Description = "Dataset folder (default: the cache, fetched if missing; for fashion-mnist also Debian's folder and the embedded subset)" };
    private readonly Option<int> _batch = CommonOptions.PositiveInt("--batch", 128, "Images per step, drawn with replacement");
    private readonly Option<double?> _lr = CommonOptions.Setting(KnownSettings.LearningRate, Contracts.Specs.LearningRateGrid.Format(DefaultLearningRate));
    private readonly Option<double?> _beta2 = CommonOptions.Setting(KnownSettings.Beta2, "the variant's, see `anneal variants`");
    private readonly Option<double?> _eps = CommonOptions.Setting(KnownSettings.Epsilon, "the variant's, see `anneal variants`");
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of weights, dropout and batches", DefaultValueFactory = _ => 0 };
    private readonly Option<int?> _threads = CommonOptions.Threads("default: all cores; on --resume, the checkpoint's");
    private readonly Option<string> _device = CommonOptions.Device();
    private readonly Option<string?> _out = new("--out") { Description = "Output folder (default: runs/VARIANT-TIME, or the --resume folder)" };
    private readonly Option<int> _checkpointEvery = CommonOptions.NonNegativeInt("--checkpoint-every", 0, "Steps between checkpoints (0: only when stopped)");
    private readonly Option<int> _evalEvery = CommonOptions.NonNegativeInt("--eval-every", 0, "Steps between test evaluations (0: only at the end)");
    private readonly Option<int> _evalBatches = CommonOptions.NonNegativeInt("--eval-batches", 0, "Test batches of 128 per evaluation (0: all)");
    private readonly Option<string?> _resume = new("--resume") { Description = "Continue the run in this folder from its checkpoint" };
    private readonly Option<int?> _stopAt = new("--stop-at") { Description = "Stop after this step and checkpoint (resume later)" };
    private readonly Option<string[]> _set = new("--set") { Description = "Variant override KEY=VALUE, e.g. emaRate=0.999 (repeatable)", AllowMultipleArgumentsPerToken = false };
    private readonly Option<bool> _json = CommonOptions.Json();

    public TrainCommand(CliConsoles consoles) : base("train", "Train one TinyViT run")
    {
        _consoles = consoles;
        foreach (var option in new Option[] { _variant, _steps, _dataset, _data, _batch, _lr, _beta2, _eps, _seed, _threads, _device, _out, _checkpointEvery, _evalEvery, _evalBatches, _resume, _stopAt, _set, _json })
        {
            Options.Add(option);
        }
        SetAction((result, cancellationToken) => Task.FromResult(Execute(result, cancellationToken)));
    }

    private int Execute(ParseResult result, CancellationToken cancellationToken)
    {
        var json = result.GetValue(_json);
        var log = json ? _consoles.Error : _consoles.Out;
        try
        {
            var (spec, folder, resuming) = Plan(result);
            var checkpoint = resuming ? File.ReadAllBytes(folder.Checkpoint) : null;
            // A resumed run keeps the thread count its checkpoint was trained with unless told otherwise: at another
            // count its steps round differently (see TrainingStart).
            var threads = result.GetValue(_threads) ?? (checkpoint is null ? null : TrainingStart.ThreadsOf(checkpoint));
            var device = ComputeDevice.Select(result.GetValue(_device)!, threads, line => log.WritePlainLine(line));
            DatasetAutoFetch.EnsureAsync(spec.Dataset, spec.Data, log, cancellationToken).GetAwaiter().GetResult();
            var data = DatasetCatalog.Load(spec.Dataset, spec.Data, seed: spec.Seed);
            using var trainer = TrainingStart.Open(spec.ToOptions(ProgressEvery), data, device, checkpoint, line => log.WritePlainLine(line));
            Directory.CreateDirectory(folder.Path);
            if (resuming)
            {
                log.WritePlainLine($"Resumed {folder.Path} at step {trainer.Step}");
            }
            else
            {
                JsonOutput.WriteFile(folder.Spec, spec with { Threads = device.Threads, Kernels = MklKernels.Active.Name });
            }
            using var curve = CurveCsvWriter.Open(folder.Curve, trainer.Step);
            var stopAt = result.GetValue(_stopAt);
            var outcome = json
                ? trainer.Run(new CliTrainingObserver(trainer, curve, folder, null), stopAt, cancellationToken)
                : RunWithProgressBar(trainer, curve, folder, stopAt, cancellationToken);
            return Finish(trainer, spec, folder, device, outcome, json);
        }
        catch (DatasetException e)
        {
            _consoles.Fail(e.Message);
            return ExitCodes.DataError;
        }
        catch (ArgumentException e)
        {
            _consoles.Fail(e.Message);
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or JsonException)
        {
            _consoles.Fail(e.Message);
            return ExitCodes.CheckpointError;
        }
    }

    private (RunSpec Spec, RunFolder Folder, bool Resuming) Plan(ParseResult result)
    {
        if (result.GetValue(_resume) is { } resumeDir)
        {
            var from = new RunFolder(resumeDir);
            if (!File.Exists(from.Spec) || !File.Exists(from.Checkpoint))
            {
                throw new InvalidDataException($"{resumeDir} has no run.json and checkpoint.bin to resume from");
            }
            var saved = JsonOutput.ReadFile<RunSpec>(from.Spec);
            foreach (var option in new Option[] { _variant, _steps, _dataset, _batch, _lr, _beta2, _eps, _seed, _set, _evalEvery, _evalBatches })
            {
                if (result.Given(option))
                {
                    throw new ArgumentException($"{option.Name} cannot change on --resume: the run continues with the settings in {from.Spec}");
                }
            }
            var spec = saved with
            {
                Data = result.GetValue(_data) ?? saved.Data,
                CheckpointEvery = result.Given(_checkpointEvery) ? result.GetValue(_checkpointEvery) : saved.CheckpointEvery,
            };
            var output = result.GetValue(_out) is { } other ? new RunFolder(other) : from;
            if (output != from)
            {
                Directory.CreateDirectory(output.Path);
                File.Copy(from.Spec, output.Spec, overwrite: true);
                File.Copy(from.Checkpoint, output.Checkpoint, overwrite: true);
                if (File.Exists(from.Curve))
                {
                    File.Copy(from.Curve, output.Curve, overwrite: true);
                }
            }
            return (spec, output, true);
        }
        var variant = result.GetValue(_variant) ?? throw new ArgumentException("--variant is required (see `anneal variants`)");
        if (!result.Given(_steps))
        {
            throw new ArgumentException("--steps is required");
        }
        var fresh = new RunSpec(
            result.GetValue(_dataset)!, result.GetValue(_data), variant, result.GetValue(_steps), result.GetValue(_batch),
            result.GetValue(_lr) ?? DefaultLearningRate, result.GetValue(_seed), result.GetValue(_evalEvery), result.GetValue(_evalBatches),
            result.GetValue(_checkpointEvery), Overrides(result));
        var dir = result.GetValue(_out) ?? Path.Combine("runs", $"{variant}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        return (fresh, new RunFolder(dir), false);
    }

    // --set KEY=VALUE pairs, plus --beta2 and --eps, which are overrides every variant reads.
    private Dictionary<string, double> Overrides(ParseResult result)
    {
        var overrides = ParseOverrides(result.GetValue(_set) ?? []);
        foreach (var (option, setting) in new[] { (_beta2, KnownSettings.Beta2), (_eps, KnownSettings.Epsilon) })
        {
            if (result.GetValue(option) is not { } value) continue;
            if (!overrides.TryAdd(setting.Name, value))
            {
                throw new ArgumentException($"--{setting.Name} and --set {setting.Name}=... are both given; give one");
            }
        }
        return overrides;
    }

    private static Dictionary<string, double> ParseOverrides(string[] pairs)
    {
        var overrides = new Dictionary<string, double>();
        foreach (var pair in pairs)
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new ArgumentException($"--set expects KEY=NUMBER, got '{pair}'");
            }
            overrides[parts[0]] = value;
        }
        return overrides;
    }

    private TrainingOutcome RunWithProgressBar(Trainer trainer, CurveCsvWriter curve, RunFolder folder, int? stopAt, CancellationToken cancellationToken) =>
        _consoles.Out.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("training", maxValue: trainer.Options.Steps);
                task.Value = trainer.Step;
                var observer = new CliTrainingObserver(trainer, curve, folder, report =>
                {
                    task.Value = report.FirstStep + report.Losses.Count - 1;
                    task.Description = string.Create(CultureInfo.InvariantCulture,
                        $"step {task.Value:N0} loss {report.Losses[^1]:F4} lr {report.LearningRate:G3} {report.StepsPerSecond:F1} steps/s");
                });
                return trainer.Run(observer, stopAt, cancellationToken);
            });

    private int Finish(Trainer trainer, RunSpec spec, RunFolder folder, ComputeDevice device, TrainingOutcome outcome, bool json)
    {
        if (outcome.Status is TrainingStatus.Stopped or TrainingStatus.Cancelled)
        {
            folder.WriteCheckpoint(trainer.SaveCheckpoint);
        }
        var evaluations = ReadEvaluations(folder);
        var result = new RunResult(
            outcome.Status, outcome.Step, spec.Steps, spec.Variant, spec.Dataset, spec.LearningRate, spec.BatchSize, spec.Seed,
            outcome.FailureReason, LastLoss(folder), outcome.FinalEvaluation, evaluations, outcome.StepsPerSecond,
            outcome.WallTime.TotalSeconds, device.Name, device.Threads, trainer.ParameterCount, Path.GetFullPath(folder.Path));
        JsonOutput.WriteFile(folder.Result, result);
        if (json)
        {
            _consoles.Out.WritePlainLine(JsonSerializer.Serialize(result, JsonOutput.Options));
        }
        else
        {
            var summary = $"{outcome.Status}: step {outcome.Step:N0}/{spec.Steps:N0}, {outcome.StepsPerSecond:F2} steps/s";
            if (outcome.FinalEvaluation is { } final)
            {
                summary += string.Create(CultureInfo.InvariantCulture, $", test loss {final.Loss:F4}, accuracy {final.Accuracy:P2}");
            }
            _consoles.Out.WritePlainLine(summary);
            _consoles.Out.WritePlainLine($"Wrote {folder.Curve} and {folder.Result}");
        }
        if (outcome.Status == TrainingStatus.Failed)
        {
            _consoles.Fail(outcome.FailureReason ?? "training failed");
        }
        return outcome.Status switch
        {
            TrainingStatus.Failed => ExitCodes.TrainingFailed,
            TrainingStatus.Cancelled => ExitCodes.Cancelled,
            _ => ExitCodes.Success,
        };
    }

    // Evaluations of the whole run, including those before a resume, come from the curve file.
    private static List<EvaluationResult> ReadEvaluations(RunFolder folder) =>
        [.. CurveRows(folder).Where(r => r.Length == 5 && r[3].Length > 0)
            .Select(r => new EvaluationResult(int.Parse(r[0], CultureInfo.InvariantCulture), double.Parse(r[3], CultureInfo.InvariantCulture), double.Parse(r[4], CultureInfo.InvariantCulture)))];

    private static float? LastLoss(RunFolder folder) =>
        CurveRows(folder).LastOrDefault() is { } last ? float.Parse(last[1], CultureInfo.InvariantCulture) : null;

    private static IEnumerable<string[]> CurveRows(RunFolder folder) =>
        File.Exists(folder.Curve) ? File.ReadLines(folder.Curve).Skip(1).Select(l => l.Split(',')) : [];
}
