using System.Text.Json;

namespace Anneal.Client.Tests.Cli;

/// <summary>`sweep delete`, `sweep retry` and the paged `sweep list` against a running cluster, through its gateway.</summary>
public sealed class SweepHousekeepingCommandTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private Task<AnnealProcess.Result> Anneal(params string[] args) => AnnealProcess.RunAsync([.. args, .. cluster.Connection], Timeout);

    private async Task<string> StartDetached(string json)
    {
        using var folder = new TemporaryDirectory("housekeeping");
        var started = await Anneal("sweep", "start", "-f", TinySpecs.Write(folder, json), "--detach", "--json");
        Assert.True(started.ExitCode == ExitCodes.Success, started.ToString());
        return JsonDocument.Parse(started.Stdout).RootElement.GetProperty("sweepId").GetString()!;
    }

    private static IEnumerable<string> Ids(AnnealProcess.Result list) =>
        JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Select(s => s.GetProperty("sweepId").GetString()!);

    [Fact]
    public async Task Delete_RefusesARunningSweepInOneLine_ThenRemovesItOnceCancelled()
    {
        var id = await StartDetached(TinySpecs.ThreeRuns(steps: 5_000));

        var refused = await Anneal("sweep", "delete", id);
        Assert.Equal(ExitCodes.UsageError, refused.ExitCode);
        Assert.Contains("cancel it first", Assert.Single(refused.StderrLines));
        Assert.Equal(ExitCodes.Success, (await Anneal("sweep", "show", id, "--json")).ExitCode);

        Assert.Equal(ExitCodes.Success, (await Anneal("sweep", "cancel", id)).ExitCode);
        var deleted = await Anneal("sweep", "delete", id, "--json");

        Assert.True(deleted.ExitCode == ExitCodes.Success, deleted.ToString());
        Assert.Equal(3, JsonDocument.Parse(deleted.Stdout).RootElement.GetProperty("runsDeleted").GetInt32());
        Assert.Equal(ExitCodes.SweepNotFound, (await Anneal("sweep", "show", id)).ExitCode);
        Assert.Equal(ExitCodes.SweepNotFound, (await Anneal("sweep", "delete", id)).ExitCode);
        Assert.DoesNotContain(id, Ids(await Anneal("sweep", "list", "--json", "--limit", "1000")));
    }

    [Fact]
    public async Task Retry_RequeuesEveryFailedRun_WhichTrainsAgain()
    {
        // A learning rate this large makes the loss non-finite within a few steps: a permanent failure, every time.
        var id = await StartDetached(TinySpecs.ThreeRuns().Replace("\"lr\": 0.001", "\"lr\": 1e30"));
        Assert.Equal(ExitCodes.TrainingFailed, (await Anneal("sweep", "watch", id, "--json")).ExitCode);

        var retried = await Anneal("sweep", "retry", id, "--json");

        Assert.True(retried.ExitCode == ExitCodes.Success, retried.ToString());
        var json = JsonDocument.Parse(retried.Stdout).RootElement;
        Assert.Equal(3, json.GetProperty("runsRequeued").GetInt32());
        Assert.Equal("running", json.GetProperty("status").GetString());
        Assert.Equal(ExitCodes.TrainingFailed, (await Anneal("sweep", "watch", id, "--json")).ExitCode);
        var runs = JsonDocument.Parse((await Anneal("sweep", "show", id, "--json")).Stdout).RootElement.GetProperty("runs").EnumerateArray();
        Assert.All(runs, run => Assert.Equal(2, run.GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task List_PagesNewestFirst_WithLimitAndBefore()
    {
        var older = await StartDetached(TinySpecs.ThreeRuns(steps: 5_000));
        var newer = await StartDetached(TinySpecs.ThreeRuns(steps: 5_000));
        try
        {
            var first = await Anneal("sweep", "list", "--limit", "1");
            Assert.Contains(newer, first.Stdout);
            Assert.Contains($"--before {newer}", first.Stdout);

            Assert.Equal([newer], Ids(await Anneal("sweep", "list", "--limit", "1", "--json")));
            Assert.Equal([older], Ids(await Anneal("sweep", "list", "--limit", "1", "--before", newer, "--json")));
        }
        finally
        {
            await Anneal("sweep", "cancel", older);
            await Anneal("sweep", "cancel", newer);
        }
    }
}
