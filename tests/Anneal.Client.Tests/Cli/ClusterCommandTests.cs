using System.Text.Json;

namespace Anneal.Client.Tests.Cli;

/// <summary>The sweep commands against a running cluster, through its gateway, with --json parsed as a script would.</summary>
public sealed class ClusterCommandTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private Task<AnnealProcess.Result> Anneal(params string[] args) => AnnealProcess.RunAsync([.. args, .. cluster.Connection], Timeout);

    [Fact]
    public async Task DetachedSweep_CanBeListedWatchedShownAndReported()
    {
        using var folder = new TemporaryDirectory("cluster-sweep");
        var spec = TinySpecs.Write(folder, TinySpecs.ThreeRuns());

        var started = await Anneal("sweep", "start", "-f", spec, "--detach", "--json");
        Assert.True(started.ExitCode == ExitCodes.Success, started.ToString());
        var id = JsonDocument.Parse(started.Stdout).RootElement.GetProperty("sweepId").GetString()!;

        var list = await Anneal("sweep", "list", "--json");
        Assert.Contains(JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray(), s => s.GetProperty("sweepId").GetString() == id);

        var watched = await Anneal("sweep", "watch", id, "--json");
        Assert.True(watched.ExitCode == ExitCodes.Success, watched.ToString());
        Assert.Equal("completed", JsonDocument.Parse(watched.Stdout).RootElement.GetProperty("status").GetString());

        var shown = await Anneal("sweep", "show", id, "--json");
        var runs = JsonDocument.Parse(shown.Stdout).RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["constant", "linear", "sf-ema"], runs.Select(r => r.GetProperty("variant").GetString()));
        Assert.All(runs, run =>
        {
            Assert.Equal(20, run.GetProperty("step").GetInt32());
            Assert.Equal(JsonValueKind.Number, run.GetProperty("finalSmoothedLoss").ValueKind);
            Assert.Equal(JsonValueKind.Number, run.GetProperty("validation").GetProperty("loss").ValueKind);
        });

        var output = Path.Combine(folder.Path, "report");
        var reported = await Anneal("sweep", "report", id, "--out", output, "--json");
        Assert.True(reported.ExitCode == ExitCodes.Success, reported.ToString());
        var files = JsonDocument.Parse(reported.Stdout).RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Contains(Path.Combine(output, "report.md"), files);
        Assert.All(files, file => Assert.True(File.Exists(file), file));
    }

    [Fact]
    public async Task UnknownSweepId_ExitsWithSweepNotFound_InOneLine()
    {
        var result = await Anneal("sweep", "show", "20200101-000000-000000");

        Assert.Equal(ExitCodes.SweepNotFound, result.ExitCode);
        Assert.Contains("No sweep '20200101-000000-000000'", Assert.Single(result.StderrLines));
    }

    [Fact]
    public async Task CtrlCOnWatch_StopsWatching_AndTheSweepGoesOn_ReportedAsPartial_UntilCancelled()
    {
        using var folder = new TemporaryDirectory("interrupted-watch");
        var spec = TinySpecs.Write(folder, TinySpecs.ThreeRuns(steps: 5_000));
        var id = JsonDocument.Parse((await Anneal("sweep", "start", "-f", spec, "--detach", "--json")).Stdout)
            .RootElement.GetProperty("sweepId").GetString()!;

        using var watch = AnnealProcess.Start(["sweep", "watch", id, .. cluster.Connection]);
        await watch.WaitForOutputAsync("0/3 completed", Timeout); // following: the first summary line is out
        watch.Interrupt();
        var watched = await watch.WaitAsync(Timeout);

        Assert.Equal(ExitCodes.Cancelled, watched.ExitCode);
        Assert.Contains($"sweep {id} goes on", watched.Stderr);
        var shown = JsonDocument.Parse((await Anneal("sweep", "show", id, "--json")).Stdout).RootElement;
        Assert.Equal("running", shown.GetProperty("status").GetString());

        var output = Path.Combine(folder.Path, "partial");
        var reported = await Anneal("sweep", "report", id, "--out", output);
        Assert.True(reported.ExitCode == ExitCodes.Success, reported.ToString());
        Assert.Contains("Partial:", reported.Stdout);
        Assert.Contains("**Partial sweep:**", File.ReadAllText(Path.Combine(output, "report.md")));

        var cancelled = await Anneal("sweep", "cancel", id, "--json");
        Assert.True(cancelled.ExitCode == ExitCodes.Success, cancelled.ToString());
        var runs = JsonDocument.Parse(cancelled.Stdout).RootElement.GetProperty("runs").EnumerateArray();
        Assert.All(runs, run => Assert.Equal("cancelled", run.GetProperty("status").GetString()));
    }
}
