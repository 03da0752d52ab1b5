using System.Diagnostics;
using Anneal.Contracts;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;
using Anneal.Contracts.Work;
using Anneal.Silo.Tests.Infrastructure;
using Anneal.Silo.Workers;
using Xunit.Abstractions;

namespace Anneal.Silo.Tests.Cluster;

/// <summary>
/// Silo processes on a real Redis whose runs suffer test faults (docs/cluster.md, "Test faults"): a run that crashes
/// every worker it reaches, and a trainer that stops stepping while its process lives on.
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

    private void Log(string line) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
}
