using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Client.Cluster;

namespace Anneal.Client.Commands;

/// <summary>
/// A command about one existing sweep (<c>watch</c>, <c>show</c>, <c>cancel</c>, <c>report</c>): the sweep id argument,
/// <c>--json</c>, the connection options, and the connection to the cluster, written once.
/// </summary>
public abstract class SweepByIdCommand : Command
{
    private readonly Argument<string> _id = new("id") { Description = "The sweep's id, as 'anneal sweep list' shows it" };
    private readonly ConnectionOptions _connection = new();

    protected SweepByIdCommand(CliContext context, string name, string description, Option<bool> json) : base(name, description)
    {
        Context = context;
        Json = json;
        Arguments.Add(_id);
        Options.Add(Json);
        _connection.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, token => ConnectAndExecuteAsync(parse, token), cancellationToken));
    }

    protected CliContext Context { get; }

    protected Option<bool> Json { get; }

    /// <summary>Runs the command against a connected cluster; returns the exit code.</summary>
    protected abstract Task<int> ExecuteAsync(ParseResult parse, string sweepId, SweepOperations sweeps, CancellationToken cancellationToken);

    private async Task<int> ConnectAndExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var sweepId = parse.GetRequiredValue(_id);
        await using var cluster = await Context.Clusters.ConnectAsync(_connection.Resolve(parse), cancellationToken);
        return await ExecuteAsync(parse, sweepId, new SweepOperations(cluster.Grains), cancellationToken);
    }
}
