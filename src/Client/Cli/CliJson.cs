using System.Text.Json;
using System.Text.Json.Serialization;

namespace Anneal.Client.Cli;

/// <summary>How --json output is written: camelCase, enums as lower-case strings, indented.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write<T>(CliContext context, T value) =>
        context.WriteRaw(JsonSerializer.Serialize(value, Options));
}
