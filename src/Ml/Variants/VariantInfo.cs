namespace Anneal.Ml.Variants;

/// <param name="Name">What a sweep or <c>anneal train --variant</c> calls it.</param>
/// <param name="Rule">The update rule in one line.</param>
public sealed record VariantInfo(string Name, string Rule)
{
    /// <summary>The <c>TrainingOptions.Overrides</c> keys this variant reads, each with its default in the text.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];
}
