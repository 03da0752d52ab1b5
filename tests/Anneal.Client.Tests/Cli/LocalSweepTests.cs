using System.Text.Json;

namespace Anneal.Client.Tests.Cli;

/// <summary><c>anneal sweep start --local</c>: one command trains a whole sweep in-process and writes its report.</summary>
public sealed class LocalSweepTests
{
    [Fact]
    public async Task LocalSweep_OfTinyRuns_FinishesAndWritesTheWholeReport()
    {
        using var folder = new TemporaryDirectory("local-sweep");
        var spec = TinySpecs.Write(folder, TinySpecs.ThreeRuns());
        var output = Path.Combine(folder.Path, "report");

        var result = await AnnealProcess.RunAsync(["sweep", "start", "--local", "-f", spec, "--out", output, "--json"], TimeSpan.FromMinutes(4));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var sweep = json.RootElement.GetProperty("sweep");
        Assert.Equal("completed", sweep.GetProperty("status").GetString());
        var runs = sweep.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(3, runs.Count);
        Assert.All(runs, run =>
        {
            Assert.Equal("completed", run.GetProperty("status").GetString());
            Assert.Equal(20, run.GetProperty("step").GetInt32());
            Assert.True(double.IsFinite(run.GetProperty("finalSmoothedLoss").GetDouble()));
            Assert.InRange(run.GetProperty("validation").GetProperty("accuracy").GetDouble(), 0, 1);
        });
        Assert.Equal(Path.Combine(output, "report.md"), json.RootElement.GetProperty("report").GetProperty("report").GetString());
        foreach (var file in new[] { "report.md", "report.json", "curves.csv", "constant-vs-linear.png", "constant-vs-linear.svg", "pareto.png", "all-runs.png" })
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} missing; have {string.Join(", ", Directory.GetFiles(output).Select(Path.GetFileName))}");
        Assert.Equal(1 + 3 * 20, File.ReadAllLines(Path.Combine(output, "curves.csv")).Length); // 20 steps fit in one-step buckets
        Assert.Contains("| 20 | ", File.ReadAllText(Path.Combine(output, "report.md"))); // the Pareto table row for L = 20
    }
}
