using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Anneal.Client.Reports;

namespace Anneal.Client.Commands;

/// <summary><c>anneal sweep show ID</c>: the sweep's status and every run's status, step, smoothed loss and validation.</summary>
public sealed class SweepShowCommand : Command
{
    private readonly CliContext _context;
    private readonly Argument<string> _id = SweepIdArgument.Create();
    private readonly ConnectionOptions _connection = new();
    private readonly ReportOptions _report = new();
    private readonly Option<bool> _json = JsonOption.Create();

    public SweepShowCommand(CliContext context) : base("show", "Show a sweep and every run's results")
    {
        _context = context;
        Arguments.Add(_id);
        Options.Add(_json);
        Options.Add(_report.Smooth);
        _connection.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, token => ExecuteAsync(parse, token), cancellationToken));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var cluster = await _context.Clusters.ConnectAsync(_connection.Resolve(parse), cancellationToken);
        var sweeps = new SweepOperations(cluster.Grains);
        var summary = await sweeps.GetAsync(parse.GetRequiredValue(_id));
        var report = SweepReport.Build(await sweeps.ReadRecordAsync(summary), parse.GetValue(_report.Smooth));
        if (parse.GetValue(_json))
            CliJson.Write(_context, SweepView.ToJson(summary, report));
        else
            SweepView.Write(_context.Out, summary, report);
        return ExitCodes.Success;
    }
}
