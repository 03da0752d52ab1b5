using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Spectre.Console;

namespace Anneal.Client.Commands;

/// <summary><c>anneal sweep list</c>: every sweep of the cluster, newest first.</summary>
public sealed class SweepListCommand : Command
{
    private readonly CliContext _context;
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = JsonOption.Create();

    public SweepListCommand(CliContext context) : base("list", "List the cluster's sweeps, newest first")
    {
        _context = context;
        Options.Add(_json);
        _connection.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, token => ExecuteAsync(parse, token), cancellationToken));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var cluster = await _context.Clusters.ConnectAsync(_connection.Resolve(parse), cancellationToken);
        var listings = await new SweepOperations(cluster.Grains).ListAsync();
        if (parse.GetValue(_json))
        {
            CliJson.Write(_context, listings.Select(l => new SweepListingJson(l.SweepId, l.Name, l.Status, l.CreatedAt, l.Counts)).ToList());
            return ExitCodes.Success;
        }
        if (listings.Count == 0)
        {
            _context.Out.WriteLine("No sweeps yet. Start one with: anneal sweep start --preset quick");
            return ExitCodes.Success;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns("Id", "Name", "Status", "Created (UTC)", "Runs");
        foreach (var listing in listings)
            table.AddRow(Markup.Escape(listing.SweepId), Markup.Escape(listing.Name), SweepView.Status(listing.Status),
                listing.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm"), Markup.Escape(SweepView.Counts(listing.Counts)));
        _context.Out.Write(table);
        return ExitCodes.Success;
    }
}
