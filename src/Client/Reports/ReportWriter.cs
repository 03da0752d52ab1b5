namespace Anneal.Client.Reports;

/// <summary>Writes a sweep's whole report into one folder: report.md, report.json, curves.csv and the figures.</summary>
public static class ReportWriter
{
    public const string MarkdownFile = "report.md";
    public const string JsonFile = "report.json";
    public const string CurvesFile = "curves.csv";

    /// <returns>The report that was written and the paths of every file, figures first.</returns>
    public static (SweepReport Report, IReadOnlyList<string> Files) Write(SweepRecord sweep, string directory,
        int? smoothingWindow = null, DateTimeOffset? generatedAt = null, double? minEffect = null)
    {
        var report = SweepReport.Build(sweep, smoothingWindow, minEffect);
        var when = generatedAt ?? DateTimeOffset.UtcNow;
        Directory.CreateDirectory(directory);

        var renderer = new FigureRenderer(report.Window);
        var files = report.Figures.SelectMany(figure => renderer.Render(figure, directory)).ToList();
        foreach (var skipped in report.SkippedFigures)
            DeleteStale(directory, skipped.Id);
        if (ForestPlot.Rows(report.Findings).Count > 0)
            files.AddRange(ForestPlot.Render(report.Findings, directory));
        else
            DeleteStale(directory, ForestPlot.Id);

        var markdown = Path.Combine(directory, MarkdownFile);
        var json = Path.Combine(directory, JsonFile);
        var curves = Path.Combine(directory, CurvesFile);
        MarkdownReportWriter.Write(report, markdown, when);
        ReportJsonWriter.Write(report, json, when);
        CurvesCsvWriter.Write(report, curves);
        files.AddRange([markdown, json, curves]);
        return (report, files);
    }

    // A report rewritten into the same folder must not keep a figure the new report no longer draws.
    private static void DeleteStale(string directory, string figureId)
    {
        foreach (var extension in new[] { ".png", ".svg" })
            File.Delete(Path.Combine(directory, figureId + extension));
    }
}
