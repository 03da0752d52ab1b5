namespace Anneal.Contracts.Datasets;

/// <summary>What one silo reported it can load, and when.</summary>
[GenerateSerializer, Immutable, Alias("anneal.SiloDatasets")]
public sealed record SiloDatasets(
    [property: Id(0)] string SiloId,
    [property: Id(1)] IReadOnlyList<DatasetFolder> Found,
    [property: Id(2)] DateTime ReportedAt);
