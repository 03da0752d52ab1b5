namespace Anneal.Contracts.Datasets;

/// <summary>
/// A dataset a silo can load: from <see cref="Folder"/>, or, when <see cref="IsDefault"/>, also for a spec that names
/// no folder (the silo's own default place for it).
/// </summary>
[GenerateSerializer, Immutable, Alias("anneal.DatasetFolder")]
public sealed record DatasetFolder(
    [property: Id(0)] string Dataset,
    [property: Id(1)] string Folder,
    [property: Id(2)] bool IsDefault);
