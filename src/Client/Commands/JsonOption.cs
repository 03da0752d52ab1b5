using System.CommandLine;

namespace Anneal.Client.Commands;

internal static class JsonOption
{
    public static Option<bool> Create(string description = "Print JSON for scripts instead of tables") =>
        new("--json") { Description = description };
}
