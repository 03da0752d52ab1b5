using System.Text.Json.Serialization;
using Anneal.Vocabulary;

namespace Anneal.Contracts.Specs;

/// <summary>One run of a sweep: a training variant, its length and the variant's overrides.</summary>
[GenerateSerializer, Immutable, Alias("anneal.RunSpec")]
public sealed record RunSpec
{
    /// <summary>A name from <see cref="KnownVariants"/>, e.g. "cosine" or "ema-0.999".</summary>
    [Id(0)] public string Variant { get; init; } = "";

    /// <summary>Training steps; schedules decay over exactly this many.</summary>
    [Id(1)] public int Steps { get; init; }

    /// <summary>Variant settings such as "emaRate", "warmupSteps", "beta2" or "eps"; <see cref="KnownVariants"/> lists which each reads.</summary>
    [Id(2)] public IReadOnlyDictionary<string, double> Overrides { get; init; } = new Dictionary<string, double>();

    /// <summary>Optional display name; defaults to "variant-steps".</summary>
    [Id(3)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; init; }

    /// <summary>This run's own peak learning rate; wins over the sweep's <c>lr</c> and <c>lrs</c> (see <see cref="LearningRateGrid"/>).</summary>
    [Id(4)]
    [JsonPropertyName("lr")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? LearningRate { get; init; }

    /// <summary>The name a report and the CLI show for this run; a sweep of several LRs adds "@lr" (<see cref="LearningRateGrid"/>).</summary>
    [JsonIgnore]
    public string DisplayName => Label ?? $"{Variant}-{Steps}";
}
