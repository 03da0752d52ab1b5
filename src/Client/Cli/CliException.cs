namespace Anneal.Client.Cli;

/// <summary>
/// An error the user can act on: its message is printed as one line on stderr and the command exits with
/// <see cref="ExitCode"/>. Anything else that escapes a command is a bug and exits with <see cref="ExitCodes.InternalError"/>.
/// </summary>
public sealed class CliException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
