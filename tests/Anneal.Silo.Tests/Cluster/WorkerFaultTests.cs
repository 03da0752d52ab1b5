using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Anneal.Contracts;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;
using Anneal.Contracts.Specs;
using Anneal.Contracts.Work;
using Anneal.Ml.Data;
using Anneal.Silo.Tests.Infrastructure;
using Anneal.Silo.Workers;
using Xunit.Abstractions;

namespace Anneal.Silo.Tests.Cluster;

/// <summary>
/// Silo processes on a real Redis whose runs suffer test faults (docs/cluster.md, "Test faults"): a run that crashes
/// every worker it reaches, a trainer that stops stepping while its process lives on, and a dataset load that hangs or
/// crawls.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class WorkerFaultTests(RedisServer redis, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(8);
    private const int LapseCap = 3;

    [Fact]
    public async Task PoisonRun_ThatCrashesEveryWorker_FailsAtTheLapseCap_WhileTheOtherRunsComplete()
    {
        await using var cluster = new TestCluster(redis);
        var environment = new Dictionary<string, string>
        {
            [TestFaults.Variable] = "crash:constant@10",
            ["ANNEAL_Anneal__Grains__MaxLapsedLeases"] = LapseCap.ToString(),
        };
        cluster.StartSilo(environment, "--test-faults", "true");
        cluster.StartSilo(environment, "--test-faults", "true");
        var client = await cluster.ConnectAsync(silos: 2);
        var sweep = await client.GetGrain<ISweepGrain>(SweepIds.New()).Start(TinySweeps.Of(("linear", 60), ("constant", 60), ("cosine", 60)));

        // Each attempt at the poison run kills its silo; keep two silos running, as an orchestrator would.
        var replaced = new HashSet<SiloProcess>();
        var runs = await Eventually.Get(async () =>
        {
            foreach (var silo in cluster.Silos.ToArray())
            {
                if (!silo.HasExited || !replaced.Add(silo)) continue;
                Log($"silo {silo.SiloPort} crashed ({replaced.Count}); starting another");
                cluster.StartSilo(environment, "--test-faults", "true");
            }
            return await Task.WhenAll(sweep.Runs.Select(r => client.GetGrain<IRunGrain>(r.RunId).GetSummary()));
        }, all => all.All(r => r.Status.IsTerminal()), "every run to finish", Patience);

        foreach (var run in runs) Log($"{run.Variant}: {run.Status} after {run.Attempts} attempts; {run.FailureReason}");
        var poison = runs.Single(r => r.Variant == "constant");
        Assert.Equal(RunStatus.Failed, poison.Status);
        Assert.Matches($@"^lost its worker {LapseCap} times; last: lease lapsed on 127\.0\.0\.1:\d+@\d+/slot0$", poison.FailureReason);
        Assert.Equal(LapseCap, poison.Attempts);
        Assert.All(runs.Where(r => r != poison), r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal(LapseCap, cluster.Silos.Count(s => s.HasExited));
    }

    [Fact]
    public async Task HungTrainer_LosesItsRunWithinTheStallTimeAndALease_AndTheRunCompletesBitForBit()
    {
        await using var cluster = new TestCluster(redis);
        var stallTime = TimeSpan.FromSeconds(3);
        var leaseDuration = TimeSpan.FromSeconds(4);
        var silo = cluster.StartSilo(
            new Dictionary<string, string> { [TestFaults.Variable] = "hang:ema-0.999@60" },
            "--test-faults", "true", "--stall-time", stallTime.ToString(), "--lease-duration", leaseDuration.ToString());
        var client = await cluster.ConnectAsync();
        var started = await client.GetGrain<ISweepGrain>(SweepIds.New()).Start(TinySweeps.Of(("ema-0.999", 200)));
        var run = client.GetGrain<IRunGrain>(started.Runs.Single().RunId);

        // The trainer hangs once it has reported step 60 (its checkpoint is at step 50), inside its progress callback.
        var hung = await Eventually.Get(run.GetSummary, r => r.Progress?.Step >= 60, "the run to reach step 60", Patience);
        var sinceHang = Stopwatch.StartNew();
        Assert.Equal(1, hung.Attempts);
        await Eventually.Get(run.GetSummary, r => r.Attempts >= 2, "the hung run's lease to lapse and the run to start again", Patience);
        var lostAfter = sinceHang.Elapsed;
        Log($"lease lost and run granted again {lostAfter.TotalSeconds:F1} s after the hang (stall {stallTime.TotalSeconds} s + lease {leaseDuration.TotalSeconds} s)");

        var details = await Eventually.Get(run.GetDetails, d => d.Summary.Status.IsTerminal(), "the run to finish", Patience);
        foreach (var message in silo.AnnealMessages()) Log($"silo: {message}");
        Assert.Contains("abandoned after 3 s without progress", silo.Output);
        // The bound the guarantee states, plus slack for a busy machine (the lease check period, polls, pauses): a hung
        // trainer that kept renewing its lease would hold the run until the test's patience ran out.
        var bound = stallTime + leaseDuration + TimeSpan.FromSeconds(30);
        Assert.True(lostAfter < bound, $"the run was lost {lostAfter.TotalSeconds:F1} s after the hang, expected under {bound.TotalSeconds} s");
        Assert.Equal(RunStatus.Completed, details.Summary.Status);
        Assert.Equal(2, details.Summary.Attempts);
        Assert.Equal(1, (await client.GetGrain<IWorkQueueGrain>(IWorkQueueGrain.DefaultPool).GetStats()).LeaseExpiries);
        Assert.Equal(ReferenceTraining.Losses(details.Definition), details.Curve.Means);
        Assert.False(silo.HasExited, "the hung trainer's silo must live on: only its trainer was stuck");
    }

    [Fact]
    public async Task FatalReportingError_StopsTheAttempt_AndTheRunResumesFromItsCheckpointBitForBit()
    {
        await using var cluster = new TestCluster(redis);
        var silo = cluster.StartSilo(new Dictionary<string, string> { [TestFaults.Variable] = "report:linear@40" }, "--test-faults", "true");
        var client = await cluster.ConnectAsync();
        var started = await client.GetGrain<ISweepGrain>(SweepIds.New()).Start(TinySweeps.Of(("linear", 120)));
        var run = client.GetGrain<IRunGrain>(started.Runs.Single().RunId);

        var details = await Eventually.Get(run.GetDetails, d => d.Summary.Status.IsTerminal(), "the run to finish", Patience);
        foreach (var message in silo.AnnealMessages()) Log($"silo: {message}");

        // Training on without reporting would have completed the first attempt; instead it failed, and the second
        // resumed from the checkpoint at step 25 (the losses through step 30 were reported before the fault).
        Assert.Contains("attempt failed: progress reporting failed: IOException: test fault: reporting step 40", silo.Output);
        Assert.Contains("epoch 2) on slot 0: training from step 25 of 120", silo.Output);
        Assert.Equal(RunStatus.Completed, details.Summary.Status);
        Assert.Equal(2, details.Summary.Attempts);
        Assert.Equal(ReferenceTraining.Losses(details.Definition), details.Curve.Means);
    }

    [Fact]
    public async Task HungDatasetLoad_LosesItsRunWithinTheStallTimeAndALease_AndTheNextAttemptLoadsAfresh()
    {
        await using var cluster = new TestCluster(redis);
        using var data = FashionMnistCopy();
        var stallTime = TimeSpan.FromSeconds(3);
        var leaseDuration = TimeSpan.FromSeconds(4);
        var silo = cluster.StartSilo(
            new Dictionary<string, string> { [TestFaults.Variable] = "hang-load:linear@2" },
            "--test-faults", "true", "--stall-time", stallTime.ToString(), "--lease-duration", leaseDuration.ToString(), "--data-root", data.Path);
        var client = await cluster.ConnectAsync();
        var started = await client.GetGrain<ISweepGrain>(SweepIds.New()).Start(FashionMnistSweep(data.Path, ("linear", 40)));
        var run = client.GetGrain<IRunGrain>(started.Runs.Single().RunId);

        // The load hangs at its second chunk, a moment after the lease is granted.
        await Eventually.Get(run.GetSummary, r => r.Attempts >= 1, "the run to be leased", Patience);
        var sinceLease = Stopwatch.StartNew();
        await Eventually.Get(run.GetSummary, r => r.Attempts >= 2, "the hung load's lease to lapse and the run to start again", Patience);
        var lostAfter = sinceLease.Elapsed;
        Log($"lease lost and run granted again {lostAfter.TotalSeconds:F1} s after the first lease (stall {stallTime.TotalSeconds} s + lease {leaseDuration.TotalSeconds} s)");

        var details = await Eventually.Get(run.GetDetails, d => d.Summary.Status.IsTerminal(), "the run to finish", Patience);
        foreach (var message in silo.AnnealMessages()) Log($"silo: {message}");
        Assert.Contains("abandoned after 3 s without progress (2 chunks read)", silo.Output);
        // A load that renewed its lease while stuck would hold the run until the test's patience ran out.
        var bound = stallTime + leaseDuration + TimeSpan.FromSeconds(30);
        Assert.True(lostAfter < bound, $"the run was lost {lostAfter.TotalSeconds:F1} s after its lease, expected under {bound.TotalSeconds} s");
        Assert.Equal(RunStatus.Completed, details.Summary.Status);
        Assert.Equal(2, details.Summary.Attempts);
        Assert.Equal(1, (await client.GetGrain<IWorkQueueGrain>(IWorkQueueGrain.DefaultPool).GetStats()).LeaseExpiries);
        Assert.Equal(ReferenceTraining.Losses(details.Definition), details.Curve.Means);
        Assert.False(silo.HasExited, "the hung load's silo must live on: only its read was stuck");
    }

    [Fact]
    public async Task SlowDatasetLoad_ThatKeepsAdvancing_KeepsItsLeaseLongPastTheStallTime()
    {
        await using var cluster = new TestCluster(redis);
        using var data = FashionMnistCopy();
        var stallTime = TimeSpan.FromSeconds(3);
        var leaseDuration = TimeSpan.FromSeconds(4);
        var silo = cluster.StartSilo(
            new Dictionary<string, string> { [TestFaults.Variable] = "slow-load:linear@1" },
            "--test-faults", "true", "--stall-time", stallTime.ToString(), "--lease-duration", leaseDuration.ToString(), "--data-root", data.Path);
        var client = await cluster.ConnectAsync();
        var started = await client.GetGrain<ISweepGrain>(SweepIds.New()).Start(FashionMnistSweep(data.Path, ("linear", 40)));
        var run = client.GetGrain<IRunGrain>(started.Runs.Single().RunId);

        var details = await Eventually.Get(run.GetDetails, d => d.Summary.Status.IsTerminal(), "the run to finish", Patience);
        foreach (var message in silo.AnnealMessages()) Log($"silo: {message}");

        // Every chunk took a second longer (TestFaults.SlowChunkDelay), so the whole load outlasted the stall time and a
        // lease: only its chunks, each within the stall time, kept the lease.
        var ready = Regex.Match(silo.Output, @"dataset fashion-mnist ready in (?<seconds>[\d.]+) s \((?<chunks>\d+) chunks read\)");
        Assert.True(ready.Success, "the silo never logged the dataset ready");
        var loadTime = TimeSpan.FromSeconds(double.Parse(ready.Groups["seconds"].Value, CultureInfo.InvariantCulture));
        Assert.True(loadTime > stallTime + leaseDuration, $"the load took {loadTime.TotalSeconds:F1} s, expected over {(stallTime + leaseDuration).TotalSeconds} s");
        Assert.DoesNotContain("without progress", silo.Output);
        Assert.Equal(RunStatus.Completed, details.Summary.Status);
        Assert.Equal(1, details.Summary.Attempts);
        Assert.Equal(0, (await client.GetGrain<IWorkQueueGrain>(IWorkQueueGrain.DefaultPool).GetStats()).LeaseExpiries);
    }

    /// <summary>The embedded Fashion-MNIST subset in a folder of its own, the silo's only data root: ~6 MiB, eight chunks.</summary>
    private static TempFolder FashionMnistCopy()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(DatasetCatalog.EmbeddedFashionMnistDir, "*.gz"))
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        return folder;
    }

    private static SweepSpec FashionMnistSweep(string dataDir, params (string Variant, int Steps)[] runs) =>
        TinySweeps.Of(runs) with { Dataset = DatasetCatalog.FashionMnist, DataDir = dataDir };

    private void Log(string line) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
}
