using System.Diagnostics;
using Anneal.Client.Tests.Cli;

namespace Anneal.Client.Tests.Cli;

/// <summary>Bad input and an absent cluster: one clear line on stderr, a documented non-zero exit, and no waiting.</summary>
public sealed class SweepCommandErrorTests
{
    [Fact]
    public async Task BadSpecFile_ExitsWithUsageError_NamingEveryBadField()
    {
        using var folder = new TemporaryDirectory("bad-spec");
        var spec = folder.File("bad.json");
        File.WriteAllText(spec, """{"name": "bad", "dataset": "synthetic", "runs": [{"variant": "linear", "steps": -5}, {"variant": "nope", "steps": 10}]}""");

        var result = await AnnealProcess.RunAsync("sweep", "start", "-f", spec, "--gateway", "127.0.0.1:1");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("runs[0].steps must be positive, got -5", line);
        Assert.Contains("runs[1].variant 'nope' is not a known variant", line);
        Assert.Empty(result.Stdout.Trim());
    }

    // Each is refused before any connection: the gateway given does not exist, and the exit code is not "unreachable".
    [Theory]
    [InlineData("""{"runs": [{"variant": "linear", "steps": 10, "lr": -0.001}]}""", "runs[0].lr must be a positive number, got -0.001")]
    [InlineData("""{"lrs": [0.001, 0], "runs": [{"variant": "linear", "steps": 10}]}""", "lrs[1] must be a positive number, got 0")]
    [InlineData("""{"lr": 0.001, "lrs": [0.001, 0.003], "runs": [{"variant": "linear", "steps": 10}]}""", "lr and lrs are both given")]
    [InlineData("""{"runs": [{"variant": "linear", "steps": 10, "overrides": {"beta2": 1}}]}""", "runs[0].overrides.beta2 must be in (0, 1), got 1")]
    [InlineData("""{"runs": [{"variant": "sf-adamw", "steps": 10, "overrides": {"eps": 0}}]}""", "runs[0].overrides.eps must be a positive number, got 0")]
    [InlineData("""{"minEffect": -0.5, "runs": [{"variant": "linear", "steps": 10}]}""", "minEffect must be a finite number, not negative, got -0.5")]
    public async Task BadLearningRateOrAdamSettings_AreUsageErrors_NamingTheField(string json, string expected)
    {
        using var folder = new TemporaryDirectory("bad-lr");
        var spec = folder.File("bad.json");
        File.WriteAllText(spec, json);

        var result = await AnnealProcess.RunAsync("sweep", "start", "-f", spec, "--gateway", "127.0.0.1:1");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(expected, Assert.Single(result.StderrLines));
        Assert.Empty(result.Stdout.Trim());
    }

    [Fact]
    public async Task AnLrsGridPastTheRunCap_IsAUsageError()
    {
        using var folder = new TemporaryDirectory("big-grid");
        var spec = folder.File("big.json");
        var runs = string.Join(", ", Enumerable.Repeat("""{"variant": "linear", "steps": 10}""", 1_000));
        File.WriteAllText(spec, $$"""{"lrs": [0.0001, 0.001, 0.01], "seeds": [0, 1, 2, 3], "runs": [{{runs}}]}""");

        var result = await AnnealProcess.RunAsync("sweep", "start", "-f", spec, "--gateway", "127.0.0.1:1");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("lrs: runs times lrs (3) times seeds must be at most 10000, got 12000", Assert.Single(result.StderrLines));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0,-1")]
    [InlineData("1,1")]
    [InlineData("0,x")]
    public async Task BadSeeds_AreUsageErrors_NamingTheOption(string seeds)
    {
        var result = await AnnealProcess.RunAsync("sweep", "start", "--preset", "quick", "--seeds", seeds, "--gateway", "127.0.0.1:1");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith("error: --seeds ", Assert.Single(result.StderrLines));
        Assert.Empty(result.Stdout.Trim());
    }

    [Fact]
    public async Task SpecFileWithAMisspeltField_IsRefusedNamingIt()
    {
        using var folder = new TemporaryDirectory("misspelt-spec");
        var spec = folder.File("typo.json");
        File.WriteAllText(spec, """{"name": "typo", "batchsise": 32, "runs": [{"variant": "linear", "steps": 10}]}""");

        var result = await AnnealProcess.RunAsync("sweep", "start", "-f", spec, "--local");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("batchsise", Assert.Single(result.StderrLines));
    }

    [Fact]
    public async Task UnreachableGateway_ExitsFast_WithOneLine()
    {
        var clock = Stopwatch.StartNew();

        var result = await AnnealProcess.RunAsync("sweep", "list", "--gateway", "127.0.0.1:9", "--connect-timeout", "2");

        Assert.Equal(ExitCodes.ClusterUnreachable, result.ExitCode);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("Cannot reach an Anneal cluster at gateway 127.0.0.1:9", line);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task GatewayFromEnvironment_IsUsedWhenNoFlagIsGiven()
    {
        var result = await AnnealProcess.RunAsync(["sweep", "show", "some-sweep", "--connect-timeout", "1"], TimeSpan.FromSeconds(60),
            environment: new Dictionary<string, string?> { ["ANNEAL_GATEWAY"] = "127.0.0.1:7" });

        Assert.Equal(ExitCodes.ClusterUnreachable, result.ExitCode);
        Assert.Contains("gateway 127.0.0.1:7", Assert.Single(result.StderrLines));
    }

    [Theory]
    [InlineData("--preset", "quick", "-f", "x.json")]
    [InlineData("--preset", "huge")]
    [InlineData("--preset", "quick", "--local", "--detach")]
    [InlineData("--preset", "quick", "--dataset", "mnist-ish", "--local")]
    public async Task ContradictoryOrUnknownStartOptions_AreUsageErrors(params string[] options)
    {
        var result = await AnnealProcess.RunAsync(["sweep", "start", .. options], TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Single(result.StderrLines);
    }
}
