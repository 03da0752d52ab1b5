using Anneal.Contracts.Specs;
using Anneal.Ml.Data;
using Anneal.Ml.Variants;

namespace Anneal.Silo.Tests.Hosting;

/// <summary>Contracts keep their own copy of the training core's names (the client must not depend on it); they must agree.</summary>
public sealed class ContractsMatchTrainingCoreTests
{
    [Fact]
    public void KnownVariants_AreTheTrainingCoresVariants()
    {
        Assert.Equal(VariantCatalog.All.Select(v => v.Name).Order(), KnownVariants.All.Order());
    }

    [Fact]
    public void EachVariantsOverrides_AreTheOnesTheTrainingCoreReads()
    {
        foreach (var variant in VariantCatalog.All)
        {
            var reads = variant.Overrides.Select(o => o.Split(' ')[0]).Order();
            Assert.Equal(reads, KnownVariants.OverridesOf(variant.Name).Order());
        }
    }

    [Fact]
    public void KnownDatasets_AreTheTrainingCoresDatasets()
    {
        Assert.Equal(DatasetCatalog.Names.Order(), KnownDatasets.All.Order());
    }
}
