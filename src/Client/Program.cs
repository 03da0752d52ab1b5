using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Spectre.Console;

var context = new CliContext(
    AnsiConsole.Console,
    AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
    new OrleansClusterConnector());
return await AnnealCli.RunAsync(args, context);
