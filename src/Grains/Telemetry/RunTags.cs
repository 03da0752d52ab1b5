namespace Anneal.Grains.Telemetry;

/// <summary>The labels that identify a run in metrics.</summary>
public sealed record RunTags(string Sweep, string Run, string Variant)
{
    internal KeyValuePair<string, object?>[] ToArray() =>
    [
        new(InstrumentNames.SweepTag, Sweep),
        new(InstrumentNames.RunTag, Run),
        new(InstrumentNames.VariantTag, Variant),
    ];
}
