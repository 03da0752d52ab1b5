namespace Anneal.Deploy.Tests.EndToEnd;

/// <summary>Tests that start silo processes run one at a time: two training silos on two cores slow each other down.</summary>
[CollectionDefinition(Name)]
public sealed class SiloProcessesCollection
{
    public const string Name = "Silo processes";
}
