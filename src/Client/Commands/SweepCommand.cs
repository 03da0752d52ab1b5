using System.CommandLine;
using Anneal.Client.Cli;

namespace Anneal.Client.Commands;

/// <summary><c>anneal sweep …</c>: the group of commands that launch, watch and compare sweeps.</summary>
public sealed class SweepCommand : Command
{
    public SweepCommand(CliContext context) : base("sweep", "Launch, watch and compare learning-rate-schedule sweeps")
    {
        Subcommands.Add(new SweepStartCommand(context));
        Subcommands.Add(new SweepWatchCommand(context));
        Subcommands.Add(new SweepListCommand(context));
        Subcommands.Add(new SweepShowCommand(context));
        Subcommands.Add(new SweepCancelCommand(context));
        Subcommands.Add(new SweepRetryCommand(context));
        Subcommands.Add(new SweepDeleteCommand(context));
        Subcommands.Add(new SweepReportCommand(context));
        Subcommands.Add(new SweepCompareCommand(context));
    }
}
