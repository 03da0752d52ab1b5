using System.Buffers.Binary;
using System.Text.Json;
using Anneal.Client.Findings;
using Anneal.Client.Reports;

namespace Anneal.Client.Tests.Reports;

public sealed class FindingsReportTests
{
    [Fact]
    public void ThreeSeedSweep_ReportOpensWithItsFindings_AndReportJsonCarriesEveryDifference()
    {
        using var output = new TemporaryDirectory("findings-report");
        var sweep = SyntheticSweeps.StudyLike(longest: 1_000, seeds: 3);

        var (_, files) = ReportWriter.Write(sweep, output.Path);

        var markdown = File.ReadAllText(output.File("report.md"));
        var headings = markdown.Split('\n').Where(line => line.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.Equal("## Findings", headings[0]);
        foreach (var id in StudyFindings.Ids)
            Assert.Contains($"`{id}`", markdown);
        Assert.Contains("Holm", markdown);
        Assert.Contains("over the last **100 steps**", markdown);

        using var json = JsonDocument.Parse(File.ReadAllText(output.File("report.json")));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var train = findings.Where(f => f.GetProperty("metric").GetString() == "train").ToList();
        Assert.Equal(StudyFindings.Ids, train.Select(f => f.GetProperty("id").GetString()));
        Assert.All(findings, f => Assert.Contains(f.GetProperty("verdict").GetString()!, new[] { "held", "did-not-hold", "inconclusive" }));
        var decay = train[0];
        Assert.Equal(3, decay.GetProperty("seeds").GetInt32());
        Assert.Equal(3, decay.GetProperty("differences").GetArrayLength());
        var first = decay.GetProperty("differences")[0];
        Assert.Equal(first.GetProperty("b").GetDouble() - first.GetProperty("a").GetDouble(), first.GetProperty("difference").GetDouble(), 12);
        Assert.True(decay.GetProperty("ciLow").GetDouble() < decay.GetProperty("ciHigh").GetDouble());
        var pareto = train[4];
        Assert.Equal(JsonValueKind.Null, pareto.GetProperty("meanEffect").ValueKind);
        Assert.Equal(4, pareto.GetProperty("parts").GetArrayLength());

        Assert.Contains(output.File(ForestPlot.Id + ".png"), files);
        Assert.Contains($"]({ForestPlot.Id}.png)", markdown);
    }

    [Fact]
    public void ComparisonFigures_HaveAZoomedPanelUnderEachPanel_TheOverviewDoesNot()
    {
        using var output = new TemporaryDirectory("zoom");
        ReportWriter.Write(SyntheticSweeps.StudyLike(longest: 400), output.Path);

        Assert.Equal(2 * FigureRenderer.PanelHeight, PngHeight(output.File("constant-vs-linear.png")));
        Assert.Equal(2 * FigureRenderer.PanelHeight, PngHeight(output.File("pareto.png")));
        Assert.Equal(FigureRenderer.PanelHeight, PngHeight(output.File("all-runs.png")));
    }

    [Fact]
    public void OneSeedSweep_SaysPlainlyWhatItsSeedCountCanConclude()
    {
        using var output = new TemporaryDirectory("one-seed");
        var (report, _) = ReportWriter.Write(SyntheticSweeps.StudyLike(longest: 400), output.Path);

        Assert.Contains("One seed: this sweep can show a difference but cannot tell it from seed-to-seed noise",
            File.ReadAllText(output.File("report.md")));
        Assert.All(report.Findings.Findings, f => Assert.Equal(Verdict.Inconclusive, f.Verdict));
    }

    [Fact]
    public void Smoothing_ChangesTheFigures_NeverTheVerdicts()
    {
        var sweep = SyntheticSweeps.StudyLike(longest: 400, seeds: 3);

        var narrow = SweepReport.Build(sweep, smoothingWindow: 10);
        var wide = SweepReport.Build(sweep, smoothingWindow: 60);

        Assert.NotEqual(narrow.Window, wide.Window);
        Assert.Equal(
            narrow.Findings.Findings.Select(f => (f.Id, f.Metric, f.Verdict, f.Parts.Select(p => p.Comparison.Mean).Sum())),
            wide.Findings.Findings.Select(f => (f.Id, f.Metric, f.Verdict, f.Parts.Select(p => p.Comparison.Mean).Sum())));
    }

    private static int PngHeight(string path) =>
        BinaryPrimitives.ReadInt32BigEndian(File.ReadAllBytes(path).AsSpan(20, 4));
}
