using Anneal.Contracts.Sweeps;

namespace Anneal.Grains.Sweeps;

[GenerateSerializer, Alias("anneal.SweepCatalogState")]
public sealed class SweepCatalogState
{
    [Id(0)] public Dictionary<string, SweepListing> Sweeps { get; set; } = [];
}
