using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Spectre.Console;

namespace Anneal.Client.Commands;

/// <summary><c>anneal sweep list [--limit N] [--before ID]</c>: the cluster's sweeps, newest first, a page at a time.</summary>
public sealed class SweepListCommand : Command
{
    private readonly CliContext _context;
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = JsonOption.Create();
    private readonly Option<int> _limit = CommonOptions.PositiveInt("--limit", 50, "Show at most this many sweeps (at most 1000)");
    private readonly Option<string?> _before = new("--before")
    {
        Description = "Start after this sweep id: the last one of the previous page",
        HelpName = "ID",
    };

    public SweepListCommand(CliContext context) : base("list", "List the cluster's sweeps, newest first")
    {
        _context = context;
        Options.Add(_limit);
        Options.Add(_before);
        Options.Add(_json);
        _connection.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, token => ExecuteAsync(parse, token), cancellationToken));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var cluster = await _context.Clusters.ConnectAsync(_connection.Resolve(parse), cancellationToken);
        var limit = parse.GetValue(_limit);
        var listings = await new SweepOperations(cluster.Grains).ListAsync(limit, parse.GetValue(_before));
        if (parse.GetValue(_json))
        {
            CliJson.Write(_context, listings.Select(l => new SweepListingJson(l.SweepId, l.Name, l.Status, l.CreatedAt, l.Counts)).ToList());
            return ExitCodes.Success;
        }
        if (listings.Count == 0)
        {
            _context.Out.WriteLine(parse.GetValue(_before) is null
                ? "No sweeps yet. Start one with: anneal sweep start --preset quick"
                : "No more sweeps.");
            return ExitCodes.Success;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns("Id", "Name", "Status", "Created (UTC)", "Runs");
        foreach (var listing in listings)
            table.AddRow(Markup.Escape(listing.SweepId), Markup.Escape(listing.Name), SweepView.Status(listing.Status),
                listing.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm"), Markup.Escape(SweepView.Counts(listing.Counts)));
        _context.Out.Write(table);
        if (listings.Count == limit)
            _context.Out.WriteLine($"More may follow: anneal sweep list --limit {limit} --before {listings[^1].SweepId}");
        return ExitCodes.Success;
    }
}
