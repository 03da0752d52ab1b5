using System.Net;
using Anneal.Contracts;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Work;
using Anneal.Silo.Hosting;
using Anneal.Silo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Anneal.Silo.Tests.Checkpoints;

/// <summary>
/// A client that reaches the gateway (no authentication there) plays worker: it leases a run, commits a checkpoint
/// location of its choosing and hands the run back, so that a silo resumes from it. The silo must refuse to read it.
/// </summary>
public sealed class HostileClientTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly RecordingLoggerProvider _log = new();
    private LocalSilo _silo = null!;
    private IHost _client = null!;

    public async Task InitializeAsync()
    {
        _silo = await LocalSilo.StartAsync(new LocalSiloOptions
        {
            CheckpointDirectory = Path.Combine(_folder.Path, "checkpoints"),
            Slots = 1,
            Threads = 1,
            Device = "cpu",
            ConfigureLogging = logging => logging.AddProvider(_log),
        });
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, _silo.Options.GatewayPort));
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = _silo.Options.ClusterId;
                o.ServiceId = _silo.Options.ServiceId;
            });
        });
        _client = builder.Build();
        await _client.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _client.StopAsync();
        _client.Dispose();
        await _silo.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task CommittedLocations_ThatNoStoreWrote_AreNeverRead()
    {
        var canary = Path.Combine(_folder.Path, "canary.txt");
        await File.WriteAllTextAsync(canary, "secret");
        var grains = _client.Services.GetRequiredService<IClusterClient>();

        // One location here (each refusal costs the run's retries); the stores' own tests try every other shape.
        foreach (var location in new[] { "file:" + canary })
        {
            var runId = SweepIds.RunId(SweepIds.New(), 0);
            var run = grains.GetGrain<IRunGrain>(runId);
            await run.Initialize(new RunDefinition
            {
                RunId = runId, SweepId = SweepIds.SweepOf(runId), SweepName = "hostile", Index = 0, Label = "constant",
                Variant = "constant", Steps = 20, Seed = 0, Dataset = "synthetic", BatchSize = 8, LearningRate = 1e-3,
                CheckpointEvery = 10, ProgressEvery = 10, SmoothingWindow = 10,
            });
            var lease = await run.Grant("hostile-client", TimeSpan.FromMinutes(1));
            Assert.NotNull(lease);
            await run.ReportProgress(lease!.Epoch, new ProgressBatch(1, [.. Enumerable.Repeat(2.3f, 10)], 1e-3, 1, []));
            Assert.Equal(LeaseVerdict.Accepted, (await run.CommitCheckpoint(lease.Epoch, 10, location)).Verdict);
            Assert.Equal(LeaseVerdict.Accepted, await run.Release(lease.Epoch));

            // The silo leases the run back, refuses the location, and the run fails rather than load anything.
            var failed = await Eventually.Get(run.GetSummary, r => r.Status == RunStatus.Failed,
                $"the silo to refuse {location} until the run fails", TimeSpan.FromMinutes(2));
            Assert.Contains("refused to read", failed.FailureReason);
            Assert.Contains(_log.Lines, line => line.Contains("Refused to read checkpoint location " + location, StringComparison.Ordinal));
        }
        Assert.Equal("secret", await File.ReadAllTextAsync(canary));
    }
}
