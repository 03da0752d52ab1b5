using Anneal.Grains.Telemetry;
using Anneal.Ml.Devices;
using Anneal.Silo.Checkpoints;
using Anneal.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Anneal.Silo.Workers;

/// <summary>
/// The silo's trainer: once the silo has joined the cluster it starts its slots, and on shutdown (SIGTERM) it stops
/// leasing, lets each slot checkpoint its run and give the lease back, and only then lets the silo stop.
/// </summary>
public sealed partial class TrainingWorker(
    IOptions<AnnealSiloOptions> options,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    DatasetCache datasets,
    ICheckpointStore store,
    AnnealInstruments instruments,
    IHostApplicationLifetime lifetime,
    ILogger<TrainingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await HostStarted.WaitAsync(lifetime, stoppingToken)) return;

        var o = options.Value;
        // On CPU the cores are split into slots by a fixed rule (one slot per core by default); on CUDA one slot per GPU.
        var cpu = SlotLayout.ForCpu(o.Slots, o.Threads, Environment.ProcessorCount);
        var cuda = ComputeDevice.WillUseCuda(o.Device);
        var device = ComputeDevice.Select(o.Device, cuda ? o.Threads : cpu.Threads, line => LogDevice(line));
        var slots = cuda ? o.Slots ?? DefaultSlots(device) : cpu.Slots;
        var settings = new WorkerSettings(o.Pool, o.LeaseDuration, o.RenewInterval, o.PollInterval, o.StallTime, device, Faults(o));
        instruments.SetSlotCount(slots);
        LogStarting(slots, device.Name, device.Threads, o.Pool);

        var worker = silo.SiloAddress.ToParsableString();
        var running = Enumerable.Range(0, slots)
            .Select(i => new TrainingSlot(i, $"{worker}/slot{i}", settings, grains, datasets, store, instruments, logger).Start(stoppingToken))
            .ToArray();
        await Task.WhenAll(running);
        LogStopped();
    }

    /// <summary>The test faults, read only when the silo was started with --test-faults true (docs/cluster.md, "Test faults").</summary>
    private TestFaults Faults(AnnealSiloOptions o)
    {
        var text = Environment.GetEnvironmentVariable(TestFaults.Variable);
        if (!o.TestFaults)
        {
            if (!string.IsNullOrWhiteSpace(text)) LogFaultsIgnored(TestFaults.Variable);
            return TestFaults.None;
        }
        var faults = TestFaults.Parse(text);
        LogFaultsEnabled(string.Join("; ", faults.Faults));
        return faults;
    }

    private static int DefaultSlots(ComputeDevice device) =>
        device.Name == ComputeDevice.Cuda ? Math.Max(1, TorchSharp.torch.cuda.device_count()) : 1;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    private partial void LogDevice(string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training with {Slots} slot(s) on {Device}, {Threads} thread(s) each, pool {Pool}")]
    private partial void LogStarting(int slots, string device, int threads, string pool);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Variable} is set but ignored: this silo was not started with --test-faults true")]
    private partial void LogFaultsIgnored(string variable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TEST FAULTS ENABLED, for tests only: {Faults}")]
    private partial void LogFaultsEnabled(string faults);

    [LoggerMessage(Level = LogLevel.Information, Message = "All slots stopped; every run they held was checkpointed and given back")]
    private partial void LogStopped();
}
