using System.Text.Json;
using System.Xml.Linq;
using Anneal.Client.Reports;

namespace Anneal.Client.Tests.Reports;

public sealed class ReportWriterTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void StudySweep_WritesEveryFigureAsPngAndSvg_AndTheTablesAndData()
    {
        using var output = new TemporaryDirectory("study-report");
        var sweep = SyntheticSweeps.StudyLike(longest: 2_000);

        var (report, files) = ReportWriter.Write(sweep, output.Path);

        var figures = new[] { "constant-vs-linear", "decay-types", "averaging", "schedule-free", "pareto", "all-runs" };
        Assert.Equal(figures, report.Figures.Select(f => f.Id));
        Assert.Empty(report.SkippedFigures);
        foreach (var figure in figures)
        {
            Assert.Equal(PngSignature, File.ReadAllBytes(output.File(figure + ".png")).Take(8));
            Assert.Equal("svg", XDocument.Load(output.File(figure + ".svg")).Root!.Name.LocalName);
        }
        var markdown = File.ReadAllText(output.File("report.md"));
        Assert.Contains("![Constant LR against linear decays of every length](constant-vs-linear.png)", markdown);
        Assert.Contains("| L | Linear decay (final) |", markdown);
        Assert.Contains("ScheduleFree (Exponential): at or below the linear decay at 4 of 4 lengths compared — Pareto-dominant", markdown);
        Assert.Equal(13, markdown.Split('\n').Count(line => line.StartsWith("| `", StringComparison.Ordinal)));
        Assert.Equal(files.Count, files.Distinct().Count());
        Assert.All(files, file => Assert.True(new FileInfo(file).Length > 0, file));
    }

    [Fact]
    public void CurvesCsv_HoldsEveryPointOfEveryRun_WithItsMovingAverage()
    {
        using var output = new TemporaryDirectory("curves");
        var sweep = SyntheticSweeps.Sweep(
            SyntheticSweeps.Run("linear", 100, step => step),
            SyntheticSweeps.Run("constant", 50, _ => 2.0));

        ReportWriter.Write(sweep, output.Path, smoothingWindow: 20);

        var lines = File.ReadAllLines(output.File("curves.csv"));
        Assert.Equal(CurvesCsvWriter.Header, lines[0]);
        Assert.Equal(1 + 10 + 5, lines.Length);
        Assert.Equal("linear-100-s0,linear,100,0,completed,10,5.5,", lines[1]); // no full window yet
        Assert.Equal("linear-100-s0,linear,100,0,completed,100,95.5,90.5", lines[10]); // mean of steps 81..100
    }

    [Fact]
    public void ReportJson_ParsesAndCarriesEveryRunWithItsFinalSmoothedLoss()
    {
        using var output = new TemporaryDirectory("json");
        var sweep = SyntheticSweeps.Sweep(
            SyntheticSweeps.Run("linear", 100, _ => 0.25),
            SyntheticSweeps.Run("sf-ema", 100, _ => 0.5, status: RunStatus.Running, stepsDone: 40));

        ReportWriter.Write(sweep, output.Path, smoothingWindow: 20);

        using var json = JsonDocument.Parse(File.ReadAllText(output.File("report.json")));
        var root = json.RootElement;
        Assert.True(root.GetProperty("partial").GetBoolean());
        Assert.Equal(20, root.GetProperty("smoothingWindow").GetInt32());
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(0.25, runs[0].GetProperty("finalSmoothedLoss").GetDouble(), precision: 12);
        Assert.Equal("running", runs[1].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, runs[1].GetProperty("finalSmoothedLoss").ValueKind);
        Assert.Equal(0.5, runs[1].GetProperty("latestSmoothedLoss").GetDouble(), precision: 12);
    }

    [Fact]
    public void PartialSweep_ReportsWhatFinished_AndMarksTheRest()
    {
        using var output = new TemporaryDirectory("partial");
        var sweep = SyntheticSweeps.Sweep(
            SyntheticSweeps.Run("constant", 200, _ => 1.0),
            SyntheticSweeps.Run("linear", 200, _ => 0.8, status: RunStatus.Running, stepsDone: 120),
            SyntheticSweeps.Run("linear", 100, _ => 0.9, status: RunStatus.Queued),
            SyntheticSweeps.Run("cosine", 200, _ => 0.9, status: RunStatus.Failed, stepsDone: 30) with { FailureReason = "NaN loss" });

        var (report, _) = ReportWriter.Write(sweep, output.Path, smoothingWindow: 10);

        var markdown = File.ReadAllText(output.File("report.md"));
        Assert.Contains("**Partial sweep:** 1 running, 1 queued, 1 failed of 4 runs", markdown);
        Assert.Contains("| running 120/200 | — |", markdown);
        Assert.Contains("| **failed** at 30: NaN loss | — |", markdown);
        Assert.Contains("| completed | 1.0000 |", markdown);
        Assert.True(File.Exists(output.File("constant-vs-linear.png")));
        Assert.Contains(report.Figures, f => f.Id == "constant-vs-linear");
    }

    [Fact]
    public void FiguresWhoseRunsTheSweepLacks_AreSkippedWithANote()
    {
        using var output = new TemporaryDirectory("skipped");
        var sweep = SyntheticSweeps.Sweep(
            SyntheticSweeps.Run("linear", 100, _ => 0.5),
            SyntheticSweeps.Run("ema-0.999", 100, _ => 0.4));
        File.WriteAllText(output.File("decay-types.png"), "from an earlier report");

        var (report, _) = ReportWriter.Write(sweep, output.Path, smoothingWindow: 10);

        Assert.Equal(new[] { "all-runs" }, report.Figures.Select(f => f.Id));
        Assert.Contains(report.SkippedFigures, s => s.Id == "averaging" && s.Reason.Contains("constant, cosine, polyak, ema-0.9999"));
        Assert.False(File.Exists(output.File("decay-types.png")));
        Assert.Contains("Not drawn, for lack of runs:", File.ReadAllText(output.File("report.md")));
    }

    [Fact]
    public void SeveralSeeds_ShowMeanWithMinMax_InTablesAndLegend()
    {
        using var output = new TemporaryDirectory("seeds");
        var sweep = SyntheticSweeps.StudyLike(longest: 1_000, seeds: 3);

        var (report, _) = ReportWriter.Write(sweep, output.Path);

        var markdown = File.ReadAllText(output.File("report.md"));
        Assert.Contains("## Across seeds", markdown);
        Assert.Contains("bands and the ranges in brackets span **min–max**", markdown);
        Assert.All(report.Series, series => Assert.Equal(3, series.SeedCount));
        Assert.Matches(@"\| Constant LR \| 1,000 \| 3/3 \| \d\.\d{4} \(\d\.\d{4}–\d\.\d{4}\) \|", markdown);
    }
}
