using Spectre.Console;
using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Anneal.Client.Reports;

namespace Anneal.Client.Commands;

/// <summary><c>anneal sweep cancel ID</c>: cancels every unfinished run; finished runs keep their results.</summary>
public sealed class SweepCancelCommand : Command
{
    private readonly CliContext _context;
    private readonly Argument<string> _id = SweepIdArgument.Create();
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = JsonOption.Create("Print the sweep after cancelling, as JSON");

    public SweepCancelCommand(CliContext context) : base("cancel", "Cancel a sweep's unfinished runs (finished runs keep their results)")
    {
        _context = context;
        Arguments.Add(_id);
        Options.Add(_json);
        _connection.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, token => ExecuteAsync(parse, token), cancellationToken));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var cluster = await _context.Clusters.ConnectAsync(_connection.Resolve(parse), cancellationToken);
        var sweeps = new SweepOperations(cluster.Grains);
        var summary = await sweeps.CancelAsync(parse.GetRequiredValue(_id));
        var report = SweepReport.Build(await sweeps.ReadRecordAsync(summary));
        if (parse.GetValue(_json))
        {
            CliJson.Write(_context, SweepView.ToJson(summary, report));
        }
        else
        {
            _context.Out.WriteLine($"Cancelled sweep {summary.SweepId}: {SweepView.Counts(summary.Counts)}.");
            SweepView.Write(_context.Out, summary, report);
        }
        return ExitCodes.Success;
    }
}
