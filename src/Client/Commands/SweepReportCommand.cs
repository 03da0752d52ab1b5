using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Spectre.Console;

namespace Anneal.Client.Commands;

/// <summary><c>anneal sweep report ID [--out DIR]</c>: the study's figures and tables for a sweep, finished or not.</summary>
public sealed class SweepReportCommand : SweepByIdCommand
{
    private readonly ReportOptions _report = new();

    public SweepReportCommand(CliContext context)
        : base(context, "report", "Write a sweep's report: figures (PNG, SVG), report.md, curves.csv, report.json",
            JsonOption.Create("Print where the report went, as JSON"))
    {
        _report.AddTo(this);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, string sweepId, SweepOperations sweeps, CancellationToken cancellationToken)
    {
        var summary = await sweeps.GetAsync(sweepId);
        var (report, written) = await ReportPublisher.WriteAsync(sweeps, summary, _report.Directory(parse, sweepId), parse.GetValue(_report.Smooth),
            parse.GetValue(_report.MinEffect));
        if (parse.GetValue(Json))
        {
            CliJson.Write(Context, written);
            return ExitCodes.Success;
        }
        if (report.IsPartial)
            Context.Out.MarkupLine($"[yellow]Partial:[/] {report.CompletedRuns} of {summary.Runs.Count} runs have finished; the report marks the rest.");
        FindingsConsole.Write(Context.Out, report.Findings);
        Context.Out.MarkupLine($"Wrote {written.Files.Count} files; report: [link]{Markup.Escape(written.Report)}[/]");
        return ExitCodes.Success;
    }
}
