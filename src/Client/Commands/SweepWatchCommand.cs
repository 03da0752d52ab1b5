using Spectre.Console;
using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Anneal.Client.Live;

namespace Anneal.Client.Commands;

/// <summary><c>anneal sweep watch ID</c>: follows a running sweep live. Ctrl-C stops watching, never the sweep.</summary>
public sealed class SweepWatchCommand : Command
{
    private readonly CliContext _context;
    private readonly Argument<string> _id = SweepIdArgument.Create();
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = JsonOption.Create("Print the finished sweep as JSON (nothing while it runs)");

    public SweepWatchCommand(CliContext context) : base("watch", "Follow a sweep live until it finishes (Ctrl-C stops watching, not the sweep)")
    {
        _context = context;
        Arguments.Add(_id);
        Options.Add(_json);
        _connection.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, token => ExecuteAsync(parse, token), cancellationToken));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var id = parse.GetRequiredValue(_id);
        var json = parse.GetValue(_json);
        await using var cluster = await _context.Clusters.ConnectAsync(_connection.Resolve(parse), cancellationToken);
        var sweeps = new SweepOperations(cluster.Grains);
        var sweep = await sweeps.GetAsync(id);
        try
        {
            sweep = await new SweepFollower(_context, sweeps).FollowAsync(sweep, quiet: json, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.Cancelled, $"Stopped watching; sweep {id} goes on (anneal sweep watch {id}).");
        }

        var report = Reports.SweepReport.Build(await sweeps.ReadRecordAsync(sweep));
        if (json)
        {
            CliJson.Write(_context, SweepView.ToJson(sweep, report));
        }
        else
        {
            SweepView.Write(_context.Out, sweep, report);
            _context.Out.MarkupLine($"Write its report with [bold]anneal sweep report {id}[/].");
        }
        return SweepView.ExitCodeOf(sweep.Status);
    }
}
