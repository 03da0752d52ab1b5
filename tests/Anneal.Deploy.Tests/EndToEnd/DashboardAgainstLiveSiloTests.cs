using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;
using Anneal.Deploy.Tests.Infrastructure;
using Anneal.Deploy.Tests.Kubernetes;
using Anneal.Deploy.Tests.Monitoring;
using Anneal.Vocabulary;
using Xunit.Abstractions;

namespace Anneal.Deploy.Tests.EndToEnd;

/// <summary>
/// The real thing: a silo process trains a small sweep, Debian's Prometheus scrapes it every second, and every query of
/// the Grafana dashboard (panels and variables) and of the autoscalers must return data through /api/v1/query.
/// </summary>
[Collection(SiloProcessesCollection.Name)]
public sealed class DashboardAgainstLiveSiloTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Three renewals (one a second) must fit in a lease; freezing the silo for longer makes it lapse.
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);

    private readonly string _scratch = Directory.CreateTempSubdirectory("anneal-deploy-e2e-").FullName;

    [Fact]
    public async Task EveryDashboardAndAutoscalerQuery_ReturnsData_WhilePrometheusScrapesASiloRunningASweep()
    {
        var pending = Dashboard.Load().AllQueries
            .Concat(await AutoscalerQueries.LoadAsync(new Overlays()))
            .GroupBy(q => q.WithAllSelected())
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(q => q.Source)));
        var lastAnswers = new Dictionary<string, string>();

        await using var silo = await SiloProcess.StartAsync(Path.Combine(_scratch, "checkpoints"), LeaseDuration, TimeSpan.FromMinutes(2));
        await using var prometheus = await PrometheusServer.StartAsync([silo.MetricsTarget], TimeSpan.FromSeconds(30));
        await using var client = await SweepClient.ConnectAsync(silo.GatewayPort);

        // A run whose data is missing fails the same way three times: two retries, then failed for good.
        var missingData = Directory.CreateDirectory(Path.Combine(_scratch, "no-fashion-mnist-here")).FullName;
        var failing = await client.StartAsync(new SweepSpec
        {
            Name = "e2e-missing-data", Dataset = KnownDatasets.FashionMnist, DataDir = missingData, BatchSize = 8,
            Runs = [new RunSpec { Variant = KnownVariants.Constant, Steps = 10 }],
        });
        // Long enough to be scraped for a while; cancelled once every query has had its data.
        var training = await client.StartAsync(new SweepSpec
        {
            // Intervals at the validator's floor for this length: 1% of the run (docs/cluster.md, "Bounded everything").
            Name = "e2e-training", Dataset = KnownDatasets.Synthetic, BatchSize = 8, EvalEvery = 100, EvalBatches = 1,
            CheckpointEvery = 100, ProgressEvery = 5,
            Runs = [new RunSpec { Variant = KnownVariants.Linear, Steps = 10_000 }, new RunSpec { Variant = KnownVariants.Ema999, Steps = 10_000 }],
        });

        await Wait.UntilAsync(async () => (await client.GetSummaryAsync(failing)).Runs.Single().Status == RunStatus.Failed,
            TimeSpan.FromMinutes(1), () => $"the run without data failed for good\n{silo.RecentOutput}");

        // A silo that hangs for longer than its lease: the lease lapses, the late worker is fenced, the run resumes.
        await Wait.UntilAsync(async () => (await client.GetSummaryAsync(training)).Runs.Any(r => r.CheckpointStep > 0),
            TimeSpan.FromMinutes(1), () => $"a training run checkpointed\n{silo.RecentOutput}");
        silo.Freeze();
        await Task.Delay(LeaseDuration + TimeSpan.FromSeconds(2)); // the hang itself, not a wait for a condition
        silo.Thaw();

        await Wait.UntilAsync(async () =>
        {
            foreach (var (query, _) in pending.ToList())
            {
                var result = await prometheus.QueryAsync(query);
                lastAnswers[query] = result.ToString();
                if (result.HasData)
                {
                    pending.Remove(query);
                }
            }

            return pending.Count == 0;
        }, TimeSpan.FromMinutes(3), () => "every query returns data; still without:\n" +
            string.Join('\n', pending.Select(p => $"  {p.Value}: {p.Key}\n    last answer: {lastAnswers.GetValueOrDefault(p.Key)}")) +
            $"\nsilo:\n{silo.RecentOutput}\nprometheus:\n{prometheus.RecentOutput}", poll: TimeSpan.FromSeconds(1));

        // Labels name sweeps, runs and variants; nothing else of a spec (here: where its data lives) reaches /metrics.
        var metrics = await silo.GetTextAsync("metrics");
        Assert.Contains($"sweep=\"{training}\"", metrics);
        Assert.DoesNotContain(missingData, metrics);

        var summary = await client.CancelAsync(training);
        output.WriteLine($"Training sweep when cancelled: {string.Join(", ", summary.Runs.Select(r => $"{r.Label} {r.Status} attempts {r.Attempts} step {r.Progress?.Step}"))}");
        Assert.True(await silo.StopAsync(TimeSpan.FromSeconds(60)), $"the silo shuts down on SIGTERM\n{silo.RecentOutput}");
    }

    [Fact]
    public async Task HealthAndMetrics_AnswerOnTheHttpPort_AndNeverShowTheRedisPassword()
    {
        // Configured as in Kubernetes (unused with localhost clustering and memory storage, but bound into the options).
        var password = Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string> { ["ANNEAL_Anneal__Redis"] = $"127.0.0.1:1,password={password}" };
        await using var silo = await SiloProcess.StartAsync(Path.Combine(_scratch, "checkpoints"), LeaseDuration, TimeSpan.FromMinutes(2), environment);

        var live = await silo.GetTextAsync("health/live");
        var ready = await silo.GetTextAsync("health/ready");
        var metrics = await silo.GetTextAsync("metrics");

        Assert.Equal("Healthy", live);
        Assert.Equal("Healthy", ready);
        Assert.Contains("service_name=\"anneal-silo\"", metrics);
        Assert.Contains("otel_scope_name=\"Microsoft.Orleans\"", metrics);
        Assert.Contains("anneal_slots_free", metrics);
        Assert.Contains("dotnet_process_memory_working_set_bytes", metrics);
        Assert.All(new[] { live, ready, metrics, silo.RecentOutput }, text => Assert.DoesNotContain(password, text));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_scratch, recursive: true);
        return Task.CompletedTask;
    }
}
