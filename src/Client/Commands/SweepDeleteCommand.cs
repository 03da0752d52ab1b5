using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Spectre.Console;

namespace Anneal.Client.Commands;

/// <summary>
/// <c>anneal sweep delete ID</c>: removes a finished or cancelled sweep and everything it stored (runs, checkpoints,
/// its catalog line). A running sweep is refused: cancel it first.
/// </summary>
public sealed class SweepDeleteCommand(CliContext context) : SweepByIdCommand(
    context, "delete", "Delete a finished or cancelled sweep with its runs and checkpoints",
    JsonOption.Create("Print the deleted sweep's id and run count as JSON"))
{
    protected override async Task<int> ExecuteAsync(ParseResult parse, string sweepId, SweepOperations sweeps, CancellationToken cancellationToken)
    {
        var runs = await sweeps.DeleteAsync(sweepId);
        if (parse.GetValue(Json))
            CliJson.Write(Context, new DeletedJson(sweepId, runs));
        else
            Context.Out.WriteLine($"Deleted sweep {sweepId}: {runs} runs, their checkpoints and the sweep's catalog line.");
        return ExitCodes.Success;
    }
}
