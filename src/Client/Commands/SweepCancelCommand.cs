using Spectre.Console;
using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Anneal.Client.Reports;

namespace Anneal.Client.Commands;

/// <summary><c>anneal sweep cancel ID</c>: cancels every unfinished run; finished runs keep their results.</summary>
public sealed class SweepCancelCommand(CliContext context) : SweepByIdCommand(
    context, "cancel", "Cancel a sweep's unfinished runs (finished runs keep their results)",
    JsonOption.Create("Print the sweep after cancelling, as JSON"))
{
    protected override async Task<int> ExecuteAsync(ParseResult parse, string sweepId, SweepOperations sweeps, CancellationToken cancellationToken)
    {
        var summary = await sweeps.CancelAsync(sweepId);
        var report = SweepReport.Build(await sweeps.ReadRecordAsync(summary));
        if (parse.GetValue(Json))
        {
            CliJson.Write(Context, SweepView.ToJson(summary, report));
        }
        else
        {
            Context.Out.WriteLine($"Cancelled sweep {summary.SweepId}: {SweepView.Counts(summary.Counts)}.");
            SweepView.Write(Context.Out, summary, report);
        }
        return ExitCodes.Success;
    }
}
