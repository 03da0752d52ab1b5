namespace Anneal.Contracts.Specs;

/// <summary>
/// The training core's variant names, kept here so a spec is checked before it reaches a silo without the client
/// depending on the training core. A test in the silo's tests checks this list equals Anneal.Ml's VariantCatalog.
/// </summary>
public static class KnownVariants
{
    public const string Constant = "constant";
    public const string Linear = "linear";
    public const string Cosine = "cosine";
    public const string Stepwise25 = "stepwise-25";
    public const string Stepwise75 = "stepwise-75";
    public const string Polyak = "polyak";
    public const string Ema999 = "ema-0.999";
    public const string Ema9999 = "ema-0.9999";
    public const string ScheduleFreePolyak = "sf-polyak";
    public const string ScheduleFreeEma = "sf-ema";
    public const string ScheduleFreeAdamW = "sf-adamw";
    public const string WarmupStableDecay = "wsd";

    public static IReadOnlyList<string> All { get; } =
    [
        Constant, Linear, Cosine, Stepwise25, Stepwise75, Polyak, Ema999, Ema9999,
        ScheduleFreePolyak, ScheduleFreeEma, ScheduleFreeAdamW, WarmupStableDecay,
    ];

    public static bool Exists(string name) => All.Contains(name, StringComparer.Ordinal);
}
