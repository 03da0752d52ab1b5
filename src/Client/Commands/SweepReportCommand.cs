using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Spectre.Console;

namespace Anneal.Client.Commands;

/// <summary><c>anneal sweep report ID [--out DIR]</c>: the study's figures and tables for a sweep, finished or not.</summary>
public sealed class SweepReportCommand : Command
{
    private readonly CliContext _context;
    private readonly Argument<string> _id = SweepIdArgument.Create();
    private readonly ConnectionOptions _connection = new();
    private readonly ReportOptions _report = new();
    private readonly Option<bool> _json = JsonOption.Create("Print where the report went, as JSON");

    public SweepReportCommand(CliContext context) : base("report", "Write a sweep's report: figures (PNG, SVG), report.md, curves.csv, report.json")
    {
        _context = context;
        Arguments.Add(_id);
        _report.AddTo(this);
        Options.Add(_json);
        _connection.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, token => ExecuteAsync(parse, token), cancellationToken));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var id = parse.GetRequiredValue(_id);
        await using var cluster = await _context.Clusters.ConnectAsync(_connection.Resolve(parse), cancellationToken);
        var sweeps = new SweepOperations(cluster.Grains);
        var summary = await sweeps.GetAsync(id);
        var (report, written) = await ReportPublisher.WriteAsync(sweeps, summary, _report.Directory(parse, id), parse.GetValue(_report.Smooth));
        if (parse.GetValue(_json))
        {
            CliJson.Write(_context, written);
            return ExitCodes.Success;
        }
        if (report.IsPartial)
            _context.Out.MarkupLine($"[yellow]Partial:[/] {report.CompletedRuns} of {summary.Runs.Count} runs have finished; the report marks the rest.");
        _context.Out.MarkupLine($"Wrote {written.Files.Count} files; report: [link]{Markup.Escape(written.Report)}[/]");
        return ExitCodes.Success;
    }
}
