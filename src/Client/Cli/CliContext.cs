using Anneal.Client.Cluster;
using Spectre.Console;

namespace Anneal.Client.Cli;

/// <summary>What every sweep command gets injected: where to write (<see cref="CliConsoles"/>) and how to reach a cluster.</summary>
public sealed record CliContext(CliConsoles Consoles, IClusterConnector Clusters)
{
    /// <summary>Results: tables, live progress, JSON.</summary>
    public IAnsiConsole Out => Consoles.Out;

    /// <summary>One-line errors, so a script reading stdout gets only results.</summary>
    public IAnsiConsole Error => Consoles.Error;

    /// <summary>Writes text as it is, without markup or wrapping (JSON must stay parseable).</summary>
    public void WriteRaw(string text) => Out.WritePlainLine(text);
}
