using System.CommandLine;

namespace Anneal.Client.Commands;

/// <summary><c>anneal data …</c>: fetch datasets into the per-user cache, see where each is found, and clean the cache.</summary>
public sealed class DataCommand : Command
{
    public DataCommand(CliConsoles consoles) : base("data", "Fetch datasets into the per-user cache, list where each is found, clean the cache")
    {
        Subcommands.Add(new DataFetchCommand(consoles));
        Subcommands.Add(new DataListCommand(consoles));
        Subcommands.Add(new DataCleanCommand(consoles));
    }
}
