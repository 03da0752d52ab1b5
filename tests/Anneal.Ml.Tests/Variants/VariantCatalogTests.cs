using Anneal.Ml.Tests.Optimization;
using Anneal.Ml.Training;
using Anneal.Ml.Variants;

namespace Anneal.Ml.Tests.Variants;

public sealed class VariantCatalogTests
{
    [Fact]
    public void Catalog_ListsTheStudysVariantsPlusWsdAndScheduleFreeAdamW() =>
        Assert.Equal(
            ["constant", "linear", "cosine", "stepwise-25", "stepwise-75", "polyak", "ema-0.999", "ema-0.9999", "sf-polyak", "sf-ema", "sf-adamw", "wsd"],
            VariantCatalog.All.Select(v => v.Name));

    [Fact]
    public void EveryVariant_HasAOneLineRule() =>
        Assert.All(VariantCatalog.All, v => Assert.False(string.IsNullOrWhiteSpace(v.Rule) || v.Rule.Contains('\n'), v.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryVariant_AcceptsAnEmaRateOverride(string name)
    {
        using var context = new QuadraticContext(1f);
        using var method = VariantCatalog.Create(Options(name, ("emaRate", 0.99)), context.Parameters);
        Assert.True(float.IsFinite(method.Step(0, context)));
    }

    [Fact]
    public void UnknownOverride_IsRejectedWithTheKeysTheVariantReads()
    {
        using var context = new QuadraticContext(1f);
        var error = Assert.Throws<ArgumentException>(() => VariantCatalog.Create(Options("cosine", ("decayAt", 0.5)), context.Parameters));
        Assert.Contains("warmupSteps", error.Message);
    }

    [Fact]
    public void EmaRateOfOne_IsRejected()
    {
        using var context = new QuadraticContext(1f);
        var error = Assert.Throws<ArgumentException>(() => VariantCatalog.Create(Options("ema-0.999", ("emaRate", 1.0)), context.Parameters));
        Assert.Contains("emaRate", error.Message);
    }

    [Fact]
    public void EmaRateOverride_ReplacesTheNamedRate()
    {
        // With emaRate 0.5 the first evaluated average is exactly the first update (bias correction 1 - 0.5).
        using var context = new QuadraticContext(4f);
        using var method = VariantCatalog.Create(Options("ema-0.9999", ("emaRate", 0.5)), context.Parameters);
        method.Step(0, context);
        using var evaluated = method.EvaluationPoint(1)!;
        AdamTests.AssertClose([context.Values[0]], evaluated);
    }

    public static TheoryData<string> Names() => [.. VariantCatalog.All.Select(v => v.Name)];

    private static TrainingOptions Options(string variant, params (string Key, double Value)[] overrides) => new()
    {
        Variant = variant,
        Steps = 10,
        Overrides = overrides.ToDictionary(o => o.Key, o => o.Value),
    };
}
