using Spectre.Console;

namespace Anneal.Client;

/// <summary>Where commands write: results to <see cref="Out"/>, errors and logs of --json runs to <see cref="Error"/>.</summary>
public sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Error)
{
    /// <summary>One line on stderr, no markup interpretation, no stack trace.</summary>
    public void Fail(string message) => Error.WritePlainLine("error: " + message.ReplaceLineEndings(" "));
}
