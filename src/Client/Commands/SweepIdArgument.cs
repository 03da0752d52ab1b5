using System.CommandLine;

namespace Anneal.Client.Commands;

internal static class SweepIdArgument
{
    public static Argument<string> Create() => new("id") { Description = "The sweep's id, as 'anneal sweep list' shows it" };
}
