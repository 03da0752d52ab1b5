using Anneal.Client;
using Anneal.Client.Cluster;
using Spectre.Console;

var consoles = new CliConsoles(
    AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }),
    AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));
return AnnealCli.Run(args, consoles, new OrleansClusterConnector());
