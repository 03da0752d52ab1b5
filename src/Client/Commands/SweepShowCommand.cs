using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Anneal.Client.Reports;

namespace Anneal.Client.Commands;

/// <summary><c>anneal sweep show ID</c>: the sweep's status and every run's status, step, smoothed loss and validation.</summary>
public sealed class SweepShowCommand : SweepByIdCommand
{
    private readonly ReportOptions _report = new();

    public SweepShowCommand(CliContext context) : base(context, "show", "Show a sweep and every run's results", JsonOption.Create())
    {
        Options.Add(_report.Smooth);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, string sweepId, SweepOperations sweeps, CancellationToken cancellationToken)
    {
        var summary = await sweeps.GetAsync(sweepId);
        var report = SweepReport.Build(await sweeps.ReadRecordAsync(summary), parse.GetValue(_report.Smooth));
        if (parse.GetValue(Json))
            CliJson.Write(Context, SweepView.ToJson(summary, report));
        else
            SweepView.Write(Context.Out, summary, report);
        return ExitCodes.Success;
    }
}
