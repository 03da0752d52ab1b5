using System.Text.Json;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;
using Anneal.Contracts.Sweeps;
using Anneal.Contracts.Work;
using Anneal.Silo.Hosting;
using Anneal.Silo.Tests.Infrastructure;
using StackExchange.Redis;

namespace Anneal.Silo.Tests.State;

/// <summary>Grain state in a real Redis: written with a versioned schema, read back whole, and read when an older Anneal wrote it.</summary>
public sealed class StoredStateTests : IAsyncLifetime
{
    private const string FixtureFolder = "State/Fixtures/main-010a9d6";
    private readonly RedisServer _redis = new();
    private readonly string _serviceId = "state-" + Guid.NewGuid().ToString("N")[..8];

    public Task InitializeAsync() => _redis.InitializeAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task StateWrittenBeforeSchemas_IsReadWhole_AndRewrittenWithItsSchema()
    {
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString))
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, FixtureFolder), "*.json"))
            {
                var key = $"{_serviceId}/state/{Path.GetFileNameWithoutExtension(file).Replace('+', '/')}";
                await connection.GetDatabase().HashSetAsync(key, [new("etag", "legacy"), new("data", await File.ReadAllBytesAsync(file))]);
            }
        }
        await using var silo = await StartSiloAsync();

        var sweep = await silo.Grains.GetGrain<ISweepGrain>("sw-fixture").GetSummary();
        Assert.Equal(SweepStatus.Running, sweep.Status);
        Assert.Equal("fixture", sweep.Name);
        Assert.Equal([1e-3, 3e-3], sweep.Spec.LearningRates);
        Assert.Equal([RunStatus.Completed, RunStatus.Running, RunStatus.Queued, RunStatus.Queued], sweep.Runs.Select(r => r.Status));
        Assert.Equal(new EvaluationPoint(20, 0.5, 0.7), sweep.Runs[0].FinalEvaluation);
        Assert.Equal(10, sweep.Runs[1].CheckpointStep);

        var completed = await silo.Grains.GetGrain<IRunGrain>("sw-fixture/r000").GetDetails();
        Assert.Equal(Enumerable.Range(1, 20).Select(s => 2.5f / s), completed.Curve.Means);
        Assert.Equal([new EvaluationPoint(10, 0.75, 0.6), new EvaluationPoint(20, 0.5, 0.7)], completed.Evaluations);
        Assert.Equal(3e-3, (await silo.Grains.GetGrain<IRunGrain>("sw-fixture/r001").GetDetails()).Definition.LearningRate);

        var queue = silo.Grains.GetGrain<IWorkQueueGrain>("fixture");
        Assert.Equal(new QueueStats(2, 1, 0), await queue.GetStats());
        Assert.Contains(await silo.Grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key).List(50, null), l => l.SweepId == "sw-fixture");

        // The queue kept its order, and what changes is written in the new form.
        var lease = await queue.TryLease("worker", TimeSpan.FromMinutes(1));
        Assert.Equal("sw-fixture/r002", lease?.RunId);
        await AssertStoredWithSchemaAsync("run/sw-fixture/r002/run", "anneal.run");
        await AssertStoredWithSchemaAsync("workqueue/fixture/queue", "anneal.work-queue");
    }

    [Fact]
    public async Task StateWrittenAndReadByAnotherSilo_IsTheSame_AndHasNoTypeNames()
    {
        var spec = TinySweeps.Of(("constant", 10), ("linear", 10)) with { Pool = "roundtrip", EvalEvery = 5, CheckpointEvery = 10 };
        string before;
        await using (var silo = await StartSiloAsync())
        {
            await silo.Grains.GetGrain<ISweepGrain>("sw-roundtrip").Start(spec);
            var lease = (await silo.Grains.GetGrain<IWorkQueueGrain>("roundtrip").TryLease("worker", TimeSpan.FromMinutes(1)))!;
            var run = silo.Grains.GetGrain<IRunGrain>(lease.RunId);
            var losses = Enumerable.Range(1, 10).Select(s => 2.5f / s).ToArray();
            await run.ReportProgress(lease.Epoch, new ProgressBatch(1, losses, 1e-3, 50, [new EvaluationPoint(5, 0.9, 0.4)]));
            await run.CommitCheckpoint(lease.Epoch, 10, "redis://roundtrip/ckpt");
            Assert.Equal(LeaseVerdict.Accepted, await run.Complete(lease.Epoch, new RunCompletion(new EvaluationPoint(10, 0.5, 0.8), TimeSpan.FromSeconds(1), 60)));
            await Eventually.Get(() => silo.Grains.GetGrain<ISweepGrain>("sw-roundtrip").GetSummary(), s => s.Counts.Completed == 1,
                "the sweep to see its completed run", TimeSpan.FromSeconds(30));
            before = await DescribeAsync(silo);
        }

        await using var again = await StartSiloAsync();
        Assert.Equal(before, await DescribeAsync(again));
        await AssertStoredWithSchemaAsync("sweep/sw-roundtrip/sweep", "anneal.sweep");
        await AssertStoredWithSchemaAsync("run/sw-roundtrip/r000/run", "anneal.run");
        await AssertStoredWithSchemaAsync("workqueue/roundtrip/backlog", "anneal.work-backlog");
    }

    [Fact]
    public async Task StateOfANewerSchemaVersion_IsRefused_SayingWhy()
    {
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString))
        {
            await connection.GetDatabase().HashSetAsync($"{_serviceId}/state/run/sw-future/r000/run",
                [new("etag", "future"), new("data", """{"schema":"anneal.run","version":2,"state":{}}""")]);
        }
        await using var silo = await StartSiloAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => silo.Grains.GetGrain<IRunGrain>("sw-future/r000").GetSummary());
        Assert.Contains("anneal.run state is version 2, newer than the 1 this Anneal reads", error.ToString());
    }

    private Task<LocalSilo> StartSiloAsync() => LocalSilo.StartAsync(new LocalSiloOptions
    {
        Train = false,
        Storage = StorageMode.Redis,
        Redis = _redis.ConnectionString,
        Configure = o => o.ServiceId = _serviceId,
    });

    /// <summary>Everything the grains say about the round-trip sweep, its runs and its queue, as one comparable text.</summary>
    private static async Task<string> DescribeAsync(LocalSilo silo)
    {
        var sweep = await silo.Grains.GetGrain<ISweepGrain>("sw-roundtrip").GetSummary();
        // A running attempt's training time grows while it is read; the finished run's is fixed.
        var details = await silo.Grains.GetGrain<IRunGrain>(sweep.Runs.Single(r => r.Status == RunStatus.Completed).RunId).GetDetails();
        var queue = await silo.Grains.GetGrain<IWorkQueueGrain>("roundtrip").GetStats();
        return JsonSerializer.Serialize(new { sweep.Status, sweep.CreatedAt, spec = SweepSpecJson.Write(sweep.Spec), sweep.Counts, details, queue });
    }

    private async Task AssertStoredWithSchemaAsync(string key, string schema)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        var data = (string?)await connection.GetDatabase().HashGetAsync($"{_serviceId}/state/{key}", "data");
        Assert.NotNull(data);
        Assert.StartsWith($$"""{"schema":"{{schema}}","version":1,"state":{""", data);
        Assert.DoesNotContain("$type", data);
        Assert.DoesNotContain("Anneal.", data);
    }
}
