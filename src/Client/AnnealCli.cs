using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Anneal.Client.Commands;

namespace Anneal.Client;

/// <summary>The <c>anneal</c> command tree. To add a command, write it in Commands/ and list it here.</summary>
public static class AnnealCli
{
    public static RootCommand Build(CliConsoles consoles, IClusterConnector clusters) => new("Anneal: learning-rate schedule sweeps for TinyViT.")
    {
        new TrainCommand(consoles),
        new BenchCommand(consoles),
        new InfoCommand(consoles),
        new VariantsCommand(consoles),
        new DataCommand(consoles),
        new SweepCommand(new CliContext(consoles, clusters)),
    };

    public static int Run(string[] args, CliConsoles consoles, IClusterConnector clusters)
    {
        var root = Build(consoles, clusters);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One clear line per problem instead of the parser's help dump.
            foreach (var error in parsed.Errors)
            {
                consoles.Fail(error.Message);
            }
            return ExitCodes.UsageError;
        }
        try
        {
            // Ctrl+C cancels the running command's token: a trainer writes its checkpoint and a local silo hands back its runs.
            return parsed.Invoke(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = TimeSpan.FromSeconds(60),
            });
        }
        catch (Exception e)
        {
            // Commands turn expected failures into their own exit codes; anything else still gets one line, not a trace.
            consoles.Fail($"unexpected {e.GetType().Name}: {e.Message}");
            return ExitCodes.InternalError;
        }
    }
}
