namespace Anneal.Contracts.Sweeps;

/// <summary>One line of `anneal sweep list`.</summary>
[GenerateSerializer, Immutable, Alias("anneal.SweepListing")]
public sealed record SweepListing(
    [property: Id(0)] string SweepId,
    [property: Id(1)] string Name,
    [property: Id(2)] SweepStatus Status,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] RunCounts Counts);
