using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Anneal.Client.Data;
using Anneal.Client.Live;
using Spectre.Console;

namespace Anneal.Client.Commands;

/// <summary>
/// <c>anneal sweep start (--preset NAME | -f sweep.json) [--local] [--detach]</c>: submits a sweep and, unless
/// detached, follows it live and writes its report when every run has finished.
/// </summary>
public sealed class SweepStartCommand : Command
{
    private readonly CliContext _context;
    private readonly SpecSource _spec = new();
    private readonly ConnectionOptions _connection = new();
    private readonly ReportOptions _report = new();
    private readonly Option<bool> _local = new("--local")
    {
        Description = "Run the sweep on a silo inside this process (in-memory state, checkpoints on disk): nothing else to set up",
    };
    private readonly Option<DirectoryInfo?> _checkpoints = new("--checkpoints")
    {
        Description = "With --local: folder for checkpoints (default: a temporary folder, removed at the end)",
        HelpName = "DIR",
    };
    private readonly Option<int?> _slots = CommonOptions.OptionalPositiveInt("--slots", "With --local: training slots (default: one per core; see docs/performance.md)");
    private readonly Option<int?> _threads = CommonOptions.OptionalPositiveInt("--threads", "With --local: torch threads per slot (default: 1, or the cores divided among --slots)");
    private readonly Option<bool> _detach = new("--detach") { Description = "Submit and return at once; print the sweep id" };
    private readonly Option<bool> _json = JsonOption.Create("Print JSON: the id with --detach, else the finished sweep and its report");

    public SweepStartCommand(CliContext context) : base("start", "Submit a sweep and follow it to its report")
    {
        _context = context;
        _spec.AddTo(this);
        Options.Add(_local);
        Options.Add(_checkpoints);
        Options.Add(_slots);
        Options.Add(_threads);
        Options.Add(_detach);
        _report.AddTo(this);
        Options.Add(_json);
        _connection.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, token => ExecuteAsync(parse, token), cancellationToken));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var spec = _spec.Resolve(parse);
        var (local, detach, json) = (parse.GetValue(_local), parse.GetValue(_detach), parse.GetValue(_json));
        if (local && detach)
            throw new CliException(ExitCodes.UsageError, "--detach cannot be used with --local: the local silo lives only as long as this command");
        if (local && _connection.IsGiven(parse))
            throw new CliException(ExitCodes.UsageError, "--local runs its own silo; drop --gateway/--redis, or drop --local to use that cluster");
        if (!local && parse.GetResult(_checkpoints) is not null)
            throw new CliException(ExitCodes.UsageError, "--checkpoints is for --local; a cluster's silos choose their own checkpoint store");
        if (!local && (parse.GetResult(_slots) is not null || parse.GetResult(_threads) is not null))
            throw new CliException(ExitCodes.UsageError, "--slots and --threads are for --local; a cluster's silos take their own --slots and --threads");

        var target = local
            ? new ClusterTarget
            {
                Local = true, CheckpointDirectory = parse.GetValue(_checkpoints)?.FullName,
                Slots = parse.GetValue(_slots), Threads = parse.GetValue(_threads), LocalDataDirectory = spec.DataDir,
            }
            : _connection.Resolve(parse);
        // Preflight: what can fail is checked before anything is stored (the spec was checked by Resolve).
        if (local)
            await FetchIfMissingAsync(spec, json ? _context.Error : _context.Out, cancellationToken);
        var data = local ? DataPreflight.CheckLocal(spec) : null;
        await using var cluster = await _context.Clusters.ConnectAsync(target, cancellationToken);
        if (!local)
            data = await DataPreflight.CheckClusterAsync(cluster.Grains, spec);
        (json ? _context.Error : _context.Out).WriteLine($"Data: {data}", Style.Plain);
        var sweeps = new SweepOperations(cluster.Grains);
        var started = await sweeps.StartAsync(spec);

        if (detach)
        {
            if (json)
                CliJson.Write(_context, new StartedJson(started.SweepId));
            else
                _context.Out.MarkupLine($"Started sweep [bold]{started.SweepId}[/] ({started.Runs.Count} runs). "
                    + $"Follow it with [bold]anneal sweep watch {started.SweepId}[/].");
            return ExitCodes.Success;
        }

        if (!json)
            _context.Out.MarkupLine($"Started sweep [bold]{started.SweepId}[/]: {started.Runs.Count} runs of {Markup.Escape(spec.Dataset)} on {Markup.Escape(target.Describe())}. "
                + (local ? "Ctrl-C stops the local silo and with it the sweep." : "Ctrl-C stops following, not the sweep."));
        Contracts.Sweeps.SweepSummary finished;
        try
        {
            finished = await new SweepFollower(_context, sweeps).FollowAsync(started, quiet: json, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.Cancelled, local
                ? $"Interrupted: the local silo stops with this command, so sweep {started.SweepId} did not finish."
                : $"Stopped following; sweep {started.SweepId} goes on (anneal sweep watch {started.SweepId}).");
        }

        var (report, written) = await ReportPublisher.WriteAsync(sweeps, finished, _report.Directory(parse, finished.SweepId), parse.GetValue(_report.Smooth),
            parse.GetValue(_report.MinEffect));
        if (json)
        {
            CliJson.Write(_context, new FollowedJson(SweepView.ToJson(finished, report), written));
        }
        else
        {
            SweepView.Write(_context.Out, finished, report);
            FindingsConsole.Write(_context.Out, report.Findings);
            _context.Out.MarkupLine($"Report: [link]{Markup.Escape(written.Report)}[/]");
        }
        return SweepView.ExitCodeOf(finished.Status);
    }

    private static async Task FetchIfMissingAsync(Contracts.Specs.SweepSpec spec, IAnsiConsole log, CancellationToken cancellationToken)
    {
        try
        {
            await DatasetAutoFetch.EnsureAsync(spec.Dataset, spec.DataDir, log, cancellationToken);
        }
        catch (Ml.Data.DatasetException e)
        {
            throw new CliException(ExitCodes.DataError, e.Message, e);
        }
    }
}
