using Anneal.Contracts;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;
using Anneal.Contracts.Sweeps;
using Anneal.Contracts.Work;
using Anneal.Silo.Hosting;
using Anneal.Vocabulary;
using StackExchange.Redis;

namespace Anneal.Benchmarks;

/// <summary>
/// Writes the grain state this version stores in Redis, one file per key, for the next version's test that reads
/// older state (tests/Anneal.Silo.Tests/State/Fixtures): a sweep of four runs, one completed, one running with a
/// checkpoint, two queued; its work queue; the sweep catalog.
/// </summary>
public static class StateFixtureCapture
{
    public static async Task<int> RunAsync(BenchmarkArguments args)
    {
        var output = args.String("out") ?? throw new ArgumentException("--out FOLDER is required");
        await using var redis = await LocalRedis.StartAsync(null);
        var serviceId = "capture";
        await using (var silo = await LocalSilo.StartAsync(new LocalSiloOptions
        {
            Train = false,
            Storage = StorageMode.Redis,
            Redis = redis.Connection,
            Configure = o => o.ServiceId = serviceId,
        }))
        {
            var grains = silo.Grains;
            // As the CLI sends it: read from a spec file.
            var spec = SweepSpecJson.Read("""
                { "name": "fixture", "pool": "fixture", "lrs": [0.001, 0.003], "seeds": [7], "evalEvery": 10, "checkpointEvery": 10, "progressEvery": 5,
                  "runs": [ { "variant": "constant", "steps": 20 }, { "variant": "linear", "steps": 20 } ] }
                """);
            var sweep = grains.GetGrain<ISweepGrain>("sw-fixture");
            await sweep.Start(spec);
            var queue = grains.GetGrain<IWorkQueueGrain>("fixture");
            var done = (await queue.TryLease("silo-a/slot-0", TimeSpan.FromMinutes(5)))!;
            var run = grains.GetGrain<IRunGrain>(done.RunId);
            await run.ReportProgress(done.Epoch, new ProgressBatch(1, Enumerable.Range(1, 10).Select(s => 2.5f / s).ToArray(), 1e-3, 120.5, [new EvaluationPoint(10, 0.75, 0.6)]));
            await run.CommitCheckpoint(done.Epoch, 10, "redis://capture/ckpt/" + done.RunId + "/1/10");
            await run.ReportProgress(done.Epoch, new ProgressBatch(11, Enumerable.Range(11, 10).Select(s => 2.5f / s).ToArray(), 5e-4, 130.25, [new EvaluationPoint(20, 0.5, 0.7)]));
            await run.Complete(done.Epoch, new RunCompletion(new EvaluationPoint(20, 0.5, 0.7), TimeSpan.FromSeconds(3), 125));
            var running = (await queue.TryLease("silo-b/slot-1", TimeSpan.FromMinutes(5)))!;
            var r2 = grains.GetGrain<IRunGrain>(running.RunId);
            await r2.ReportProgress(running.Epoch, new ProgressBatch(1, Enumerable.Range(1, 10).Select(s => 2.5f / s).ToArray(), 1e-3, 99, []));
            await r2.CommitCheckpoint(running.Epoch, 10, "redis://capture/ckpt/" + running.RunId + "/1/10");
            for (var i = 0; i < 200; i++)
            {
                var s = await sweep.GetSummary();
                if (s.Counts.Completed == 1 && s.Counts.Running == 1) break;
                await Task.Delay(50);
            }
            await Task.Delay(1000); // the catalog's one-way update
        }
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Connection);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var db = connection.GetDatabase();
        Directory.CreateDirectory(output);
        await foreach (var key in server.KeysAsync(pattern: serviceId + "/state/*"))
        {
            var data = (byte[]?)await db.HashGetAsync(key, "data");
            var name = key.ToString()[(serviceId + "/state/").Length..].Replace('/', '+');
            Console.WriteLine($"{key} {data?.Length}");
            await File.WriteAllBytesAsync(Path.Combine(output, name + ".json"), data!);
        }
        return 0;
    }
}
