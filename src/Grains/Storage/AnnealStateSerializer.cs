using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Orleans.Storage;

namespace Anneal.Grains.Storage;

/// <summary>
/// Writes grain state as <c>{"schema":"anneal.run","version":1,"state":{…}}</c>: camelCase property names, enums by
/// name, no CLR type names, so a class can be renamed or moved without orphaning what is stored. Reads that, refusing
/// a schema it does not know or a version newer than its own, and reads state written before schemas existed (Orleans'
/// JSON with <c>$type</c> names) through <paramref name="legacy"/>; such state is rewritten in the new form on its next
/// write. Unknown properties are ignored and missing ones keep their defaults, so adding a property needs no new
/// version (docs/cluster.md, "Stored state").
/// </summary>
public sealed class AnnealStateSerializer(IGrainStorageSerializer legacy) : IGrainStorageSerializer
{
    private const string SchemaField = "schema";
    private const string VersionField = "version";
    private const string StateField = "state";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // A run that has reported no loss yet has NaN as its last one.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitComputedProperties } },
    };

    public BinaryData Serialize<T>(T? input)
    {
        var schema = StateSchemas.For(typeof(T));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(SchemaField, schema.Name);
            writer.WriteNumber(VersionField, schema.Version);
            writer.WritePropertyName(StateField);
            JsonSerializer.Serialize(writer, input, Options);
            writer.WriteEndObject();
        }
        return new BinaryData(buffer.ToArray());
    }

    public T Deserialize<T>(BinaryData input)
    {
        var expected = StateSchemas.For(typeof(T));
        using var document = JsonDocument.Parse(input.ToMemory());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(SchemaField, out var schemaElement))
            return legacy.Deserialize<T>(input) ?? throw new StateSchemaException($"stored {expected.Name} state (written before schemas) is null");

        var schema = schemaElement.GetString();
        if (schema != expected.Name)
            throw new StateSchemaException($"stored state is {schema}, not the {expected.Name} this grain keeps");
        var version = root.TryGetProperty(VersionField, out var versionElement) && versionElement.TryGetInt32(out var v) ? v : 0;
        if (version > expected.Version)
            throw new StateSchemaException($"stored {schema} state is version {version}, newer than the {expected.Version} this Anneal reads: run the newer Anneal, or restore the state it replaced");
        if (version < 1)
            throw new StateSchemaException($"stored {schema} state has no valid version");
        if (!root.TryGetProperty(StateField, out var state))
            throw new StateSchemaException($"stored {schema} state has no \"{StateField}\"");
        return state.Deserialize<T>(Options) ?? throw new StateSchemaException($"stored {schema} state is null");
    }

    /// <summary>Get-only properties (counts computed from others) cannot be read back, so they are not written.</summary>
    private static void OmitComputedProperties(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].Set is null) type.Properties.RemoveAt(i);
        }
    }
}
