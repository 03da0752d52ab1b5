using Anneal.Client;
using Anneal.Client.Cluster;
using Spectre.Console;

var consoles = new CliConsoles(
    AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }),
    AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));
// Redirected output (logs, CI) has no width; Spectre's 80 columns would fold tables into unreadable cells.
if (Console.IsOutputRedirected)
    consoles.Out.Profile.Width = 160;
return AnnealCli.Run(args, consoles, new OrleansClusterConnector(startLocal: LocalCluster.StartAsync));
