using System.Diagnostics;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;
using Anneal.Contracts.Sweeps;
using Anneal.Contracts.Work;
using Anneal.Contracts;
using Anneal.Silo.Hosting;
using Anneal.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Anneal.Benchmarks;

/// <summary>
/// Progress reports per second handled by the run grains with Redis storage, driven by simulated workers (no
/// training): each worker leases a run and reports batches of losses as fast as the grains answer. Measured side by
/// side: workers in the silo (as training slots are) and workers in a separate client over the gateway (TCP,
/// serialization), each with the grains' default write pacing and with state written on every report.
/// </summary>
public static class ControlPlaneBenchmark
{
    public static async Task<int> RunAsync(BenchmarkArguments args)
    {
        var seconds = args.Int("seconds", 10);
        var workers = args.Int("workers", 16);
        var stepsPerReport = args.Int("steps-per-report", 50);
        await using var redis = await LocalRedis.StartAsync(args.String("redis"));
        Console.WriteLine($"control plane: {workers} simulated workers, {stepsPerReport} losses per report, {seconds} s per row, Redis storage, {Environment.ProcessorCount} cores");
        Console.WriteLine("| workers | storage writes | reports/s | Redis write commands/s | writes per report | p50 ms | p99 ms | steps the grains hold / steps reported |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var viaGateway in new[] { false, true })
        {
            foreach (var (name, interval) in new[] { ("default: progress at most every 5 s", TimeSpan.FromSeconds(5)), ("write-through: every report", TimeSpan.Zero) })
            {
                var r = await MeasureAsync(redis, workers, stepsPerReport, TimeSpan.FromSeconds(seconds), interval, viaGateway);
                Console.WriteLine($"| {(viaGateway ? "client over the gateway" : "in the silo")} | {name} | {r.ReportsPerSecond:N0} | {r.WritesPerSecond:N0} | {r.WritesPerSecond / r.ReportsPerSecond:F4} | {r.P50:F3} | {r.P99:F3} | {r.Verified} |");
            }
        }
        return 0;
    }

    private sealed record Result(double ReportsPerSecond, double WritesPerSecond, double P50, double P99, string Verified);

    private static async Task<Result> MeasureAsync(LocalRedis redis, int workers, int stepsPerReport, TimeSpan duration, TimeSpan writeInterval, bool viaGateway)
    {
        await using var silo = await LocalSilo.StartAsync(new LocalSiloOptions
        {
            Train = false,
            Storage = StorageMode.Redis,
            Redis = redis.Connection,
            Configure = o => o.ServiceId = "bench-" + Guid.NewGuid().ToString("N")[..8],
            ConfigureGrains = g => g.ProgressWriteInterval = writeInterval,
        });
        using var client = viaGateway ? await ConnectAsync(silo.Options) : null;
        IGrainFactory grains = client is null ? silo.Grains : client.Services.GetRequiredService<IClusterClient>();

        var spec = new SweepSpec
        {
            Name = "control-plane",
            Pool = "bench",
            Runs = Enumerable.Range(0, workers).Select(_ => new RunSpec { Variant = KnownVariants.Constant, Steps = SweepSpecValidator.MaxSteps }).ToArray(),
        };
        await grains.GetGrain<ISweepGrain>(SweepIds.New()).Start(spec);
        var queue = grains.GetGrain<IWorkQueueGrain>("bench");
        var leases = new List<RunLease>();
        for (var i = 0; i < workers; i++) leases.Add((await queue.TryLease($"simulated/{i}", TimeSpan.FromMinutes(10)))!);

        var losses = Enumerable.Range(0, stepsPerReport).Select(i => 2.3f - i * 1e-4f).ToArray();
        var measuring = 0;
        var stop = 0;
        var latencies = new List<double>[workers];
        var counts = new long[workers];
        var reported = new long[workers];
        var tasks = leases.Select((lease, w) => Task.Run(async () =>
        {
            var run = grains.GetGrain<IRunGrain>(lease.RunId);
            var step = 1;
            latencies[w] = new List<double>(1_000_000);
            while (Volatile.Read(ref stop) == 0)
            {
                var started = Stopwatch.GetTimestamp();
                var ack = await run.ReportProgress(lease.Epoch, new ProgressBatch(step, losses, 1e-3, 400, []));
                if (ack.Verdict != LeaseVerdict.Accepted || ack.NextStep != step + stepsPerReport)
                    throw new InvalidOperationException($"report refused or lost: {ack}");
                step += stepsPerReport;
                reported[w] = step - 1;
                if (Volatile.Read(ref measuring) == 1)
                {
                    counts[w]++;
                    latencies[w].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(3)); // warm-up: activations, JIT, connections
        var before = await redis.CommandCallsAsync();
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref measuring, 1);
        await Task.Delay(duration);
        Volatile.Write(ref measuring, 0);
        var elapsed = clock.Elapsed.TotalSeconds;
        var after = await redis.CommandCallsAsync();
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(tasks);

        // The grains really hold every reported step.
        var held = 0L;
        foreach (var lease in leases) held += (await grains.GetGrain<IRunGrain>(lease.RunId).GetSummary()).Progress?.Step ?? 0;
        var writes = after.Where(kv => IsWrite(kv.Key)).Sum(kv => kv.Value - before.GetValueOrDefault(kv.Key));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(counts.Sum() / elapsed, writes / elapsed, all[all.Length / 2], all[(int)(all.Length * 0.99)], $"{held:N0} / {reported.Sum():N0}");
    }

    private static async Task<IHost> ConnectAsync(AnnealSiloOptions silo)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client.UseLocalhostClustering(silo.GatewayPort, silo.ServiceId, silo.ClusterId));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Commands that change data (the grain storage writes with a script or a transaction).</summary>
    private static bool IsWrite(string command) =>
        command is "eval" or "evalsha" or "set" or "hset" or "hmset" or "exec" or "del" or "fcall";
}
