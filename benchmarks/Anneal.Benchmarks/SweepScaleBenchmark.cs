using System.Diagnostics;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;
using Anneal.Contracts.Sweeps;
using Anneal.Contracts.Work;
using Anneal.Silo.Hosting;
using Anneal.Vocabulary;

namespace Anneal.Benchmarks;

/// <summary>
/// One sweep of many runs through a silo with Redis storage, driven by simulated workers that lease a run, report
/// all its steps in one batch and complete it (no training). Measures how fast runs are enqueued, leased and completed,
/// and the bytes sent to Redis per run (INFO stats: total_net_input_bytes, i.e. every command with its payload).
/// </summary>
public static class SweepScaleBenchmark
{
    private const int Steps = 10;

    public static async Task<int> RunAsync(BenchmarkArguments args)
    {
        var runs = args.Int("runs", 10_000);
        var workers = args.Int("workers", 16);
        await using var redis = await LocalRedis.StartAsync(args.String("redis"));
        await using var silo = await LocalSilo.StartAsync(new LocalSiloOptions
        {
            Train = false,
            Storage = StorageMode.Redis,
            Redis = redis.Connection,
            Configure = o => o.ServiceId = "scale-" + Guid.NewGuid().ToString("N")[..8],
        });
        var grains = silo.Grains;
        var pool = "scale";
        var spec = new SweepSpec
        {
            Name = "scale",
            Pool = pool,
            Seeds = Enumerable.Range(0, runs).ToArray(),
            ProgressEvery = Steps,
            CheckpointEvery = 0,
            Runs = [new RunSpec { Variant = KnownVariants.Constant, Steps = Steps }],
        };
        Console.WriteLine($"sweep scale: {runs:N0} runs of {Steps} steps, {workers} simulated workers, Redis storage, {Environment.ProcessorCount} cores");

        var start = await redis.StatsAsync();
        var sweep = grains.GetGrain<ISweepGrain>("sw-scale");
        var clock = Stopwatch.StartNew();
        await sweep.Start(spec);
        var enqueueSeconds = clock.Elapsed.TotalSeconds;
        var enqueued = await redis.StatsAsync();

        var leaseLatency = new double[workers];
        var completeLatency = new double[workers];
        var leased = new int[workers];
        var losses = Enumerable.Range(1, Steps).Select(s => 2.5f / s).ToArray();
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var queue = grains.GetGrain<IWorkQueueGrain>(pool);
            while (true)
            {
                var asked = Stopwatch.GetTimestamp();
                var lease = await queue.TryLease($"simulated/{w}", TimeSpan.FromMinutes(10));
                leaseLatency[w] += Stopwatch.GetElapsedTime(asked).TotalMilliseconds;
                if (lease is null) return;
                leased[w]++;
                var run = grains.GetGrain<IRunGrain>(lease.RunId);
                var completing = Stopwatch.GetTimestamp();
                var ack = await run.ReportProgress(lease.Epoch, new ProgressBatch(1, losses, 1e-3, 100, []));
                var verdict = await run.Complete(lease.Epoch, new RunCompletion(null, TimeSpan.FromSeconds(1), 100));
                completeLatency[w] += Stopwatch.GetElapsedTime(completing).TotalMilliseconds;
                if (ack.Verdict != LeaseVerdict.Accepted || verdict != LeaseVerdict.Accepted)
                    throw new InvalidOperationException($"{lease.RunId}: progress {ack.Verdict}, completion {verdict}");
            }
        })));
        var workSeconds = clock.Elapsed.TotalSeconds;
        var summary = await WaitForSweepAsync(sweep);
        var sweepSeconds = clock.Elapsed.TotalSeconds;
        var end = await redis.StatsAsync();

        var total = leased.Sum();
        if (total != runs || summary.Counts.Completed != runs)
            throw new InvalidOperationException($"leased {total}, sweep {summary.Status} with {summary.Counts.Completed} completed, of {runs}");
        Console.WriteLine("| runs | enqueue (s) | enqueue runs/s | lease+complete (s) | leases/s | mean TryLease ms | mean report+complete ms | sweep Completed after (s) | bytes to Redis per run: enqueue | per run: lease to completion | per run: total | Redis used memory per run |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {runs:N0} | {enqueueSeconds:F1} | {runs / enqueueSeconds:N0} | {workSeconds:F1} | {runs / workSeconds:N0} | {leaseLatency.Sum() / (runs + workers):F2} | {completeLatency.Sum() / runs:F2} | {sweepSeconds:F1} | {(enqueued.InputBytes - start.InputBytes) / (double)runs:N0} | {(end.InputBytes - enqueued.InputBytes) / (double)runs:N0} | {(end.InputBytes - start.InputBytes) / (double)runs:N0} | {(end.UsedMemory - start.UsedMemory) / (double)runs:N0} |");
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        return 0;
    }

    private static async Task<SweepSummary> WaitForSweepAsync(ISweepGrain sweep)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(30);
        var timeouts = 0;
        while (true)
        {
            try
            {
                var summary = await sweep.GetSummary();
                if (summary.Status != SweepStatus.Running || DateTime.UtcNow > deadline)
                {
                    if (timeouts > 0) Console.WriteLine($"{timeouts} calls for the sweep's summary timed out (30 s) behind its queue of run updates");
                    return summary;
                }
            }
            catch (TimeoutException)
            {
                timeouts++;
            }
            await Task.Delay(200);
        }
    }
}
