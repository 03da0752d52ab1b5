using System.CommandLine;
using Anneal.Client.Commands;

namespace Anneal.Client.Cli;

/// <summary>Builds the <c>anneal</c> command tree and runs it, with parse errors as one line and exit code 2.</summary>
public static class AnnealCli
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("Anneal: learning-rate-schedule sweeps on a cluster, reported as the study's figures");
        root.Subcommands.Add(new SweepCommand(context));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var parse = Build(context).Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            CommandRunner.WriteError(context, $"{string.Join("; ", parse.Errors.Select(e => e.Message).Distinct())} (see 'anneal {string.Join(' ', CommandPath(parse))} --help')");
            return ExitCodes.Usage;
        }
        var invocation = new InvocationConfiguration
        {
            Output = context.Out.Profile.Out.Writer,
            Error = context.Error.Profile.Out.Writer,
            // A local silo checkpoints and hands back its runs after Ctrl-C: let it finish rather than be cut off.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
        };
        return await parse.InvokeAsync(invocation);
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return names;
    }
}
