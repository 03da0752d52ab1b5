using System.Diagnostics;

namespace Anneal.Client.Tests.Cli;

/// <summary>
/// <c>sweep start</c> checks the spec, the data and the cluster before it stores anything: a bad setup is one line, its
/// exit code, and no sweeps/ folder, within 5 s of starting the built CLI (the limit docs/cli.md promises).
/// </summary>
public sealed class PreflightTests
{
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task LocalSweep_WithAnEmptyDataFolder_FailsInOneLine_Exit3_NothingStored()
    {
        using var folder = new TemporaryDirectory("preflight-data");
        var empty = Directory.CreateDirectory(folder.File("empty")).FullName;

        var (result, took) = await TimedAsync(folder, "sweep", "start", "--preset", "quick", "--local", "--data", empty);

        Assert.True(result.ExitCode == ExitCodes.DataError, result.ToString());
        Assert.Contains($"Fashion-MNIST not found in {empty}", Assert.Single(result.StderrLines));
        Assert.Empty(result.Stdout.Trim());
        AssertNothingStored(folder);
        Assert.True(took < Promised, $"took {took.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task LocalSweep_WithAnInvalidSpec_IsAUsageError_NothingStored()
    {
        using var folder = new TemporaryDirectory("preflight-spec");
        var spec = folder.File("bad.json");
        File.WriteAllText(spec, """{"dataset": "synthetic", "runs": [{"variant": "linear", "steps": 0}]}""");

        var (result, took) = await TimedAsync(folder, "sweep", "start", "-f", spec, "--local");

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains("runs[0].steps must be positive", Assert.Single(result.StderrLines));
        AssertNothingStored(folder);
        Assert.True(took < Promised, $"took {took.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task LocalSweep_OnCifarNowhereToBeFound_WithAnUnreachableMirror_FailsInOneLine_Exit3_NothingStored()
    {
        using var folder = new TemporaryDirectory("preflight-fetch");
        var offline = new Dictionary<string, string?> { ["ANNEAL_CACHE"] = folder.File("cache"), ["ANNEAL_DATA_MIRROR"] = "http://127.0.0.1:1/" };

        var (result, took) = await TimedAsync(folder, offline, "sweep", "start", "--preset", "quick", "--dataset", "cifar10", "--local");

        Assert.True(result.ExitCode == ExitCodes.DataError, result.ToString());
        Assert.StartsWith("error: Cannot download cifar10 from http://127.0.0.1:1/", Assert.Single(result.StderrLines));
        AssertNothingStored(folder);
        Assert.False(Directory.Exists(folder.File("cache")));
        Assert.True(took < Promised, $"took {took.TotalSeconds:F1} s");
    }

    [Theory]
    [InlineData("--gateway", "127.0.0.1:1")]
    [InlineData("--redis", "127.0.0.1:1,password=preflight")]
    public async Task Sweep_OnAnUnreachableCluster_Exit5_NothingStored(string option, string target)
    {
        using var folder = new TemporaryDirectory("preflight-cluster");

        var (result, took) = await TimedAsync(folder, "sweep", "start", "--preset", "quick", option, target, "--connect-timeout", "2");

        Assert.True(result.ExitCode == ExitCodes.ClusterUnreachable, result.ToString());
        Assert.StartsWith("error: Cannot reach an Anneal cluster", Assert.Single(result.StderrLines));
        AssertNothingStored(folder);
        Assert.True(took < Promised, $"took {took.TotalSeconds:F1} s");
    }

    private static Task<(AnnealProcess.Result Result, TimeSpan Took)> TimedAsync(TemporaryDirectory folder, params string[] args) =>
        TimedAsync(folder, null, args);

    private static async Task<(AnnealProcess.Result Result, TimeSpan Took)> TimedAsync(TemporaryDirectory folder, Dictionary<string, string?>? environment, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        // The process's own deadline is generous so a slow machine shows the time it took rather than a kill.
        var result = await AnnealProcess.RunAsync(args, TimeSpan.FromSeconds(60), environment, folder.Path);
        return (result, clock.Elapsed);
    }

    private static void AssertNothingStored(TemporaryDirectory folder) =>
        Assert.False(Directory.Exists(folder.File("sweeps")), "a refused sweep must store nothing, not even ./sweeps");
}
