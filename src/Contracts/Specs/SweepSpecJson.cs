using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Anneal.Contracts.Specs;

/// <summary>Reads and writes spec files (camelCase JSON; omitted fields take <see cref="SweepSpec"/>'s defaults).</summary>
public static class SweepSpecJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Field names are matched exactly, so "batchsize" is reported as unknown instead of read as batchSize.
        PropertyNameCaseInsensitive = false,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        // A misspelt field would otherwise fall back to its default without a word.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitLearningRateUnderAGrid } },
    };

    private const string LearningRateField = "lr";
    private const string LearningRatesField = "lrs";

    /// <summary>Parses and validates; throws <see cref="SweepSpecException"/> listing every problem.</summary>
    public static SweepSpec Read(string json)
    {
        SweepSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize<SweepSpec>(json, Options);
        }
        catch (JsonException e)
        {
            throw new SweepSpecException([Describe(e)]);
        }
        if (spec is null) throw new SweepSpecException(["the spec must be a JSON object, got null"]);
        var errors = SweepSpecValidator.Validate(spec).ToList();
        // A spec object cannot tell a given lr from its default, so the file itself is asked.
        if (spec.LearningRates is not null && GivesSweepLearningRate(json))
            errors.Insert(0, $"{LearningRateField} and {LearningRatesField} are both given: {LearningRatesField} replaces {LearningRateField}, give one");
        if (errors.Count > 0) throw new SweepSpecException(errors);
        return spec;
    }

    public static string Write(SweepSpec spec) => JsonSerializer.Serialize(spec, Options);

    private static bool GivesSweepLearningRate(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions
        {
            AllowTrailingCommas = Options.AllowTrailingCommas,
            CommentHandling = Options.ReadCommentHandling,
        });
        return document.RootElement.TryGetProperty(LearningRateField, out _);
    }

    // Under a grid the sweep's lr is unused; writing it would make the written file one that Read refuses.
    private static void OmitLearningRateUnderAGrid(JsonTypeInfo info)
    {
        if (info.Type != typeof(SweepSpec)) return;
        var learningRate = info.Properties.Single(p => p.Name == LearningRateField);
        learningRate.ShouldSerialize = (spec, _) => ((SweepSpec)spec).LearningRates is null;
    }

    private static string Describe(JsonException e)
    {
        // System.Text.Json paths look like "$.runs[0].steps"; the spec's own field names read better.
        var path = e.Path is null or "$" ? null : e.Path.TrimStart('$', '.');
        var reason = e.Message;
        var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) reason = reason[..cut];
        return path is null
            ? $"the spec is not valid JSON: {reason}"
            : $"{path} could not be read: {reason}";
    }
}
