using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Anneal.Client.Output;
using Anneal.Ml.Data;
using Anneal.Ml.Devices;
using Anneal.Ml.Training;
using Spectre.Console;

namespace Anneal.Client.Commands;

/// <summary>
/// <c>anneal bench</c>: times full training steps (batch sampling, forward, backward, Adam) on 50,000 in-memory
/// images, as the PyTorch reference does, and prints the median ms/step after warm-up.
/// </summary>
public sealed class BenchCommand : Command
{
    private const int BenchImages = 50_000;
    private const int BenchChannels = 3;
    private readonly Option<int> _steps = CommonOptions.PositiveInt("--steps", 40, "Timed steps");
    private readonly Option<int> _warmup = CommonOptions.NonNegativeInt("--warmup", 20, "Untimed steps first");
    private readonly Option<int?> _threads = CommonOptions.Threads();
    private readonly Option<int> _batch = CommonOptions.PositiveInt("--batch", 128, "Images per step");
    private readonly Option<string> _variant = new("--variant") { Description = "Variant to time", DefaultValueFactory = _ => "constant" };
    private readonly Option<string> _device = CommonOptions.Device();
    private readonly Option<int> _rssEvery = CommonOptions.NonNegativeInt("--rss-every", 0, "Also sample resident memory every N steps (0: off)");
    private readonly Option<bool> _parts = new("--parts") { Description = "Time the parts of a step instead: forward, forward and backward, and the averaged variants' second forward pass" };
    private readonly Option<bool> _json = CommonOptions.Json();

    public BenchCommand(CliConsoles consoles) : base("bench", "Time the training step (median ms/step after warm-up)")
    {
        foreach (var option in new Option[] { _steps, _warmup, _threads, _batch, _variant, _device, _rssEvery, _parts, _json })
        {
            Options.Add(option);
        }
        SetAction(result =>
        {
            try
            {
                return Execute(result, consoles);
            }
            catch (ArgumentException e)
            {
                consoles.Fail(e.Message);
                return ExitCodes.UsageError;
            }
        });
    }

    private int Execute(ParseResult result, CliConsoles consoles)
    {
        var json = result.GetValue(_json);
        var log = json ? consoles.Error : consoles.Out;
        var (steps, warmup, rssEvery) = (result.GetValue(_steps), result.GetValue(_warmup), result.GetValue(_rssEvery));
        var device = ComputeDevice.Select(result.GetValue(_device)!, result.GetValue(_threads), line => log.WritePlainLine(line));
        if (result.GetValue(_parts))
        {
            return ExecuteParts(consoles, json, device, result.GetValue(_batch), warmup, steps);
        }
        var data = SyntheticDataset.Create(BenchImages, Trainer.EvaluationBatchSize, BenchChannels);
        var options = new TrainingOptions
        {
            Variant = result.GetValue(_variant)!,
            // One step more than is run: the run stops before the end, so no final evaluation lands in the timings or RSS.
            Steps = warmup + steps + 1,
            BatchSize = result.GetValue(_batch),
            ProgressEvery = 1,
        };
        using var trainer = new Trainer(options, data, device, line => log.WritePlainLine(line));
        var timer = new StepTimer(rssEvery);
        trainer.Run(timer, stopAt: warmup + steps);
        var timed = timer.MillisecondsPerStep.Skip(warmup).ToArray();
        var median = Median(timed);
        var report = new BenchReport(
            options.Variant, device.Name, device.Threads, options.BatchSize, steps, warmup, median, 1000 / median,
            timed.Order().ElementAt(timed.Length / 10), timed.Order().ElementAt(timed.Length * 9 / 10),
            ResidentMemory.CurrentMegabytes(), ResidentMemory.PeakMegabytes(), timer.ResidentMegabytes);
        if (json)
        {
            consoles.Out.WritePlainLine(JsonSerializer.Serialize(report, JsonOutput.Options));
        }
        else
        {
            consoles.Out.WritePlainLine(string.Create(CultureInfo.InvariantCulture,
                $"anneal {options.Variant} {device.Name} threads={device.Threads} batch={options.BatchSize} steps={steps} p10={report.P10Ms:F2} p90={report.P90Ms:F2} median_ms={median:F2} steps_per_s={report.StepsPerSecond:F2} rss_mb={report.RssMb:F0} peak_rss_mb={report.PeakRssMb:F0}"));
        }
        return ExitCodes.Success;
    }

    private static int ExecuteParts(CliConsoles consoles, bool json, ComputeDevice device, int batch, int warmup, int steps)
    {
        var times = StepPartsBenchmark.Measure(device, BenchChannels, batch, warmup, steps);
        var report = new StepPartsReport(device.Name, device.Threads, batch, steps, warmup, times.ForwardMs, times.ForwardBackwardMs,
            times.ForwardBackwardMs - times.ForwardMs, times.SecondForwardMs, times.AveragedFloor);
        consoles.Out.WritePlainLine(json
            ? JsonSerializer.Serialize(report, JsonOutput.Options)
            : string.Create(CultureInfo.InvariantCulture,
                $"anneal step parts {device.Name} threads={device.Threads} batch={batch} steps={steps} forward_ms={report.ForwardMs:F2} forward_backward_ms={report.ForwardBackwardMs:F2} backward_ms={report.BackwardMs:F2} averaged_second_forward_ms={report.SecondForwardMs:F2} averaged_floor={report.AveragedFloor:F3}"));
        return ExitCodes.Success;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed class StepTimer(int rssEvery) : ITrainingObserver
    {
        public List<double> MillisecondsPerStep { get; } = [];
        public List<RssSample> ResidentMegabytes { get; } = [];

        public void OnProgress(ProgressReport report)
        {
            MillisecondsPerStep.Add(1000 / report.StepsPerSecond);
            var step = report.FirstStep + report.Losses.Count - 1;
            if (rssEvery > 0 && step % rssEvery == 0)
            {
                ResidentMegabytes.Add(new RssSample(step, ResidentMemory.CurrentMegabytes()));
            }
        }

        public void OnEvaluation(EvaluationResult evaluation) { }

        public void OnCheckpointDue(int step) { }
    }
}

public sealed record RssSample(int Step, double RssMb);

/// <summary>`anneal bench --parts`: median ms of each part of a step, and the averaged variants' least cost over a plain step.</summary>
public sealed record StepPartsReport(
    string Device, int Threads, int BatchSize, int Steps, int Warmup,
    double ForwardMs, double ForwardBackwardMs, double BackwardMs, double SecondForwardMs, double AveragedFloor);

public sealed record BenchReport(
    string Variant, string Device, int Threads, int BatchSize, int Steps, int Warmup,
    double MedianMs, double StepsPerSecond, double P10Ms, double P90Ms, double RssMb, double PeakRssMb,
    IReadOnlyList<RssSample> RssSamples);
