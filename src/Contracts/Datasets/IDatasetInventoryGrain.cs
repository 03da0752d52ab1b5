namespace Anneal.Contracts.Datasets;

/// <summary>
/// Which silos of a worker pool (the key) can load which datasets. Each silo publishes what it found every
/// <see cref="PublishInterval"/>; a report older than <see cref="ReportLifetime"/> no longer counts, so a dead
/// silo drops out and a lost activation refills within one interval. <c>sweep start</c> asks it before submitting.
/// </summary>
[Alias("anneal.IDatasetInventoryGrain")]
public interface IDatasetInventoryGrain : IGrainWithStringKey
{
    public static readonly TimeSpan PublishInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan ReportLifetime = TimeSpan.FromSeconds(95);

    [Alias("Publish")]
    Task Publish(SiloDatasets report);

    /// <summary>The silos with a fresh report that can load <paramref name="dataset"/> from <paramref name="dataDir"/> (null: its default place).</summary>
    [Alias("SilosWith")]
    Task<IReadOnlyList<string>> SilosWith(string dataset, string? dataDir);

    /// <summary>How many silos have a fresh report, whatever they found.</summary>
    [Alias("ReportingSilos")]
    Task<int> ReportingSilos();
}
