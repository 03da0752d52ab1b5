using System.Text.Json;
using Anneal.Client.Output;

namespace Anneal.Client.Cli;

/// <summary>--json output of the sweep commands, in the same JSON style as the other commands.</summary>
public static class CliJson
{
    public static void Write<T>(CliContext context, T value) =>
        context.WriteRaw(JsonSerializer.Serialize(value, JsonOutput.Options));
}
