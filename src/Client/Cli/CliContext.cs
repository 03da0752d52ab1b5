using Anneal.Client.Cluster;
using Spectre.Console;

namespace Anneal.Client.Cli;

/// <summary>What every command gets injected: where to write, and how to reach a cluster.</summary>
/// <param name="Out">Results: tables, live progress, JSON.</param>
/// <param name="Error">One-line errors and diagnostics, so a script reading stdout gets only results.</param>
/// <param name="Clusters">Opens connections to a cluster (remote or in-process).</param>
public sealed record CliContext(IAnsiConsole Out, IAnsiConsole Error, IClusterConnector Clusters)
{
    /// <summary>Writes text as it is, without Spectre's markup or line wrapping (JSON must stay parseable).</summary>
    public void WriteRaw(string text) => Out.Profile.Out.Writer.WriteLine(text);
}
