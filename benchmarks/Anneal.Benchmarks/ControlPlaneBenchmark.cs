using System.Diagnostics;
using Anneal.Contracts;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;
using Anneal.Contracts.Sweeps;
using Anneal.Contracts.Work;
using Anneal.Silo.Hosting;

namespace Anneal.Benchmarks;

/// <summary>
/// Progress reports per second handled by the run grains with Redis storage, driven by simulated workers (no
/// training): each worker leases a run and reports batches of losses as fast as the grains answer. Measured twice side
/// by side: with the grains' default write pacing, and writing state on every report.
/// </summary>
public static class ControlPlaneBenchmark
{
    public static async Task<int> RunAsync(BenchmarkArguments args)
    {
        var seconds = args.Int("seconds", 20);
        var workers = args.Int("workers", 64);
        var stepsPerReport = args.Int("steps-per-report", 50);
        await using var redis = await LocalRedis.StartAsync(args.String("redis"));
        Console.WriteLine($"control plane: {workers} simulated workers, {stepsPerReport} losses per report, {seconds} s per mode, Redis storage, {Environment.ProcessorCount} cores");
        Console.WriteLine("| mode | reports/s | Redis write commands/s | writes per report | p50 ms | p99 ms |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (name, interval) in new[] { ("default (progress written at most every 5 s)", TimeSpan.FromSeconds(5)), ("write-through (state written on every report)", TimeSpan.Zero) })
        {
            var result = await MeasureAsync(redis, workers, stepsPerReport, TimeSpan.FromSeconds(seconds), interval);
            Console.WriteLine($"| {name} | {result.ReportsPerSecond:N0} | {result.WritesPerSecond:N0} | {result.WritesPerSecond / result.ReportsPerSecond:F4} | {result.P50:F2} | {result.P99:F2} |");
        }
        return 0;
    }

    private sealed record Result(double ReportsPerSecond, double WritesPerSecond, double P50, double P99);

    private static async Task<Result> MeasureAsync(LocalRedis redis, int workers, int stepsPerReport, TimeSpan duration, TimeSpan writeInterval)
    {
        await using var silo = await LocalSilo.StartAsync(new LocalSiloOptions
        {
            Train = false,
            Storage = StorageMode.Redis,
            Redis = redis.Connection,
            Configure = o => o.ServiceId = "bench-" + Guid.NewGuid().ToString("N")[..8],
            ConfigureGrains = g => g.ProgressWriteInterval = writeInterval,
        });
        var spec = new SweepSpec
        {
            Name = "control-plane",
            Pool = "bench",
            Runs = Enumerable.Range(0, workers).Select(_ => new RunSpec { Variant = KnownVariants.Constant, Steps = SweepSpecValidator.MaxSteps }).ToArray(),
        };
        await silo.Grains.GetGrain<ISweepGrain>(SweepIds.New()).Start(spec);
        var queue = silo.Grains.GetGrain<IWorkQueueGrain>("bench");
        var leases = new List<RunLease>();
        for (var i = 0; i < workers; i++) leases.Add((await queue.TryLease($"simulated/{i}", TimeSpan.FromMinutes(10)))!);

        var losses = Enumerable.Range(0, stepsPerReport).Select(i => 2.3f - i * 1e-4f).ToArray();
        var measuring = 0;
        var stop = 0;
        var latencies = new List<double>[workers];
        var counts = new long[workers];
        var tasks = leases.Select((lease, w) => Task.Run(async () =>
        {
            var run = silo.Grains.GetGrain<IRunGrain>(lease.RunId);
            var step = 1;
            latencies[w] = new List<double>(100_000);
            while (Volatile.Read(ref stop) == 0)
            {
                var started = Stopwatch.GetTimestamp();
                var ack = await run.ReportProgress(lease.Epoch, new ProgressBatch(step, losses, 1e-3, 400, []));
                if (ack.Verdict != LeaseVerdict.Accepted) throw new InvalidOperationException($"report refused: {ack.Verdict}");
                step += stepsPerReport;
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

        var writes = after.Where(kv => IsWrite(kv.Key)).Sum(kv => kv.Value - before.GetValueOrDefault(kv.Key));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(counts.Sum() / elapsed, writes / elapsed, all[all.Length / 2], all[(int)(all.Length * 0.99)]);
    }

    /// <summary>Commands that change data (the grain storage writes with a script or a transaction).</summary>
    private static bool IsWrite(string command) =>
        command is "eval" or "evalsha" or "set" or "hset" or "hmset" or "exec" or "del" or "fcall";
}
