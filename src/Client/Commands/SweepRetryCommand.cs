using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Spectre.Console;
using Anneal.Contracts.Runs;

namespace Anneal.Client.Commands;

/// <summary>
/// <c>anneal sweep retry ID</c>: requeues the sweep's failed runs, each from its last checkpoint, and puts the sweep
/// back to running. Finished runs keep their results; a cancelled sweep is refused.
/// </summary>
public sealed class SweepRetryCommand(CliContext context) : SweepByIdCommand(
    context, "retry", "Requeue a sweep's failed runs from their checkpoints",
    JsonOption.Create("Print the sweep's id, status and the number of runs requeued as JSON"))
{
    protected override async Task<int> ExecuteAsync(ParseResult parse, string sweepId, SweepOperations sweeps, CancellationToken cancellationToken)
    {
        var failedBefore = (await sweeps.GetAsync(sweepId)).Counts.Failed;
        var summary = await sweeps.RetryAsync(sweepId);
        var requeued = failedBefore - summary.Runs.Count(r => r.Status == RunStatus.Failed);
        if (parse.GetValue(Json))
            CliJson.Write(Context, new RetriedJson(summary.SweepId, summary.Status, requeued));
        else if (requeued == 0)
            Context.Out.WriteLine($"Sweep {sweepId} has no failed runs; nothing to retry.");
        else
            Context.Out.WriteLine($"Requeued {requeued} failed runs of sweep {sweepId}; follow them with: anneal sweep watch {sweepId}");
        return ExitCodes.Success;
    }
}
