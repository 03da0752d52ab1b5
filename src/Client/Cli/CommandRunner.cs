using Orleans.Runtime;

namespace Anneal.Client.Cli;

/// <summary>
/// Runs a command's body and turns what escapes it into an exit code and one line on stderr: a <see cref="CliException"/>
/// as it says, a lost cluster as <see cref="ExitCodes.ClusterUnreachable"/>, Ctrl-C as <see cref="ExitCodes.Cancelled"/>.
/// </summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(CliContext context, Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken);
        }
        catch (CliException e)
        {
            WriteError(context, e.Message);
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            WriteError(context, "Interrupted.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException)
        {
            WriteError(context, $"Lost the cluster: {OneLine(e.Message)}");
            return ExitCodes.ClusterUnreachable;
        }
        catch (Exception e)
        {
            WriteError(context, $"Unexpected error ({e.GetType().Name}): {OneLine(e.Message)}");
            return ExitCodes.InternalError;
        }
    }

    public static void WriteError(CliContext context, string message) => context.Consoles.Fail(OneLine(message));

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
