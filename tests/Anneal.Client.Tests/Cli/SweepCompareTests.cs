using System.Text.Json;

namespace Anneal.Client.Tests.Cli;

/// <summary><c>anneal sweep compare</c> run as a user would, against a finished three-seed sweep on a real cluster.</summary>
public sealed class SweepCompareTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    private Task<AnnealProcess.Result> Anneal(params string[] args) => AnnealProcess.RunAsync([.. args, .. cluster.Connection], Timeout);

    [Fact]
    public async Task Compare_PairsTheSeedsOfTwoRuns_AndRefusesBadNamesStepsAndEffects_InOneLine()
    {
        using var folder = new TemporaryDirectory("compare");
        var spec = TinySpecs.Write(folder, TinySpecs.ThreeSeeds());
        var started = await Anneal("sweep", "start", "-f", spec, "--detach", "--json");
        Assert.True(started.ExitCode == ExitCodes.Success, started.ToString());
        var id = JsonDocument.Parse(started.Stdout).RootElement.GetProperty("sweepId").GetString()!;
        var watched = await Anneal("sweep", "watch", id, "--json");
        Assert.True(watched.ExitCode == ExitCodes.Success, watched.ToString());

        var json = await Anneal("sweep", "compare", id, "linear-20", "constant-20", "--json");
        Assert.True(json.ExitCode == ExitCodes.Success, json.ToString());
        var beats = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("beats");
        Assert.Equal("linear-20 beats constant-20", beats.GetProperty("claim").GetString());
        Assert.Equal(3, beats.GetProperty("seeds").GetInt32());
        var differences = beats.GetProperty("differences").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], differences.Select(d => d.GetProperty("seed").GetInt32()));
        Assert.Equal(differences.Average(d => d.GetProperty("difference").GetDouble()), beats.GetProperty("meanEffect").GetDouble(), 9);
        Assert.Contains(beats.GetProperty("verdict").GetString()!, new[] { "held", "did-not-hold", "inconclusive" });

        var text = await Anneal("sweep", "compare", id, "linear-20", "constant-20", "--metric", "val", "--min-effect", "0.5");
        Assert.True(text.ExitCode == ExitCodes.Success, text.ToString());
        Assert.Contains("linear-20 vs constant-20 on final val loss, 3 paired seeds", text.Stdout);
        Assert.Contains("δ 0.5000", text.Stdout);
        Assert.Contains("linear-20 matches constant-20:", text.Stdout);

        var atStep = await Anneal("sweep", "compare", id, "linear-20", "constant-20", "--at", "10", "--json");
        Assert.True(atStep.ExitCode == ExitCodes.Success, atStep.ToString());
        Assert.Equal(10, JsonDocument.Parse(atStep.Stdout).RootElement.GetProperty("beats").GetProperty("stepA").GetInt32());

        await AssertRefused(["sweep", "compare", id, "cosine-20", "constant-20"], "No run named 'cosine-20'");
        await AssertRefused(["sweep", "compare", id, "ema-0.999-20", "constant-20"], "'ema-0.999-20' is ambiguous");
        await AssertRefused(["sweep", "compare", id, "linear-20", "constant-20", "--at", "21"], "--at 21 is past the end of linear-20");
        await AssertRefused(["sweep", "compare", id, "linear-20", "constant-20", "--min-effect", "-1"], "--min-effect must be");
    }

    private async Task AssertRefused(string[] args, string message)
    {
        var result = await Anneal(args);
        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains(message, Assert.Single(result.StderrLines));
    }
}
