using Spectre.Console;
using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Anneal.Client.Live;

namespace Anneal.Client.Commands;

/// <summary><c>anneal sweep watch ID</c>: follows a running sweep live. Ctrl-C stops watching, never the sweep.</summary>
public sealed class SweepWatchCommand(CliContext context) : SweepByIdCommand(
    context, "watch", "Follow a sweep live until it finishes (Ctrl-C stops watching, not the sweep)",
    JsonOption.Create("Print the finished sweep as JSON (nothing while it runs)"))
{
    protected override async Task<int> ExecuteAsync(ParseResult parse, string sweepId, SweepOperations sweeps, CancellationToken cancellationToken)
    {
        var json = parse.GetValue(Json);
        var sweep = await sweeps.GetAsync(sweepId);
        try
        {
            sweep = await new SweepFollower(Context, sweeps).FollowAsync(sweep, quiet: json, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.Cancelled, $"Stopped watching; sweep {sweepId} goes on (anneal sweep watch {sweepId}).");
        }

        var report = Reports.SweepReport.Build(await sweeps.ReadRecordAsync(sweep));
        if (json)
        {
            CliJson.Write(Context, SweepView.ToJson(sweep, report));
        }
        else
        {
            SweepView.Write(Context.Out, sweep, report);
            Context.Out.MarkupLine($"Write its report with [bold]anneal sweep report {sweepId}[/].");
        }
        return SweepView.ExitCodeOf(sweep.Status);
    }
}
