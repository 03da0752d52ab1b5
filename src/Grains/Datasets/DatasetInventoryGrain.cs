using Anneal.Contracts.Datasets;

namespace Anneal.Grains.Datasets;

/// <summary>
/// Keeps each silo's latest dataset report in memory only: silos republish every
/// <see cref="IDatasetInventoryGrain.PublishInterval"/>, so nothing needs to survive a restart.
/// </summary>
public sealed class DatasetInventoryGrain(TimeProvider time) : Grain, IDatasetInventoryGrain
{
    private readonly Dictionary<string, SiloDatasets> _reports = [];

    public Task Publish(SiloDatasets report)
    {
        _reports[report.SiloId] = report with { ReportedAt = time.GetUtcNow().UtcDateTime };
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> SilosWith(string dataset, string? dataDir)
    {
        IReadOnlyList<string> silos = [.. Fresh()
            .Where(report => report.Found.Any(found => found.Dataset == dataset
                && (dataDir is null ? found.IsDefault : SameFolder(found.Folder, dataDir))))
            .Select(report => report.SiloId)];
        return Task.FromResult(silos);
    }

    public Task<int> ReportingSilos() => Task.FromResult(Fresh().Count());

    private IEnumerable<SiloDatasets> Fresh()
    {
        var oldest = time.GetUtcNow().UtcDateTime - IDatasetInventoryGrain.ReportLifetime;
        return _reports.Values.Where(report => report.ReportedAt >= oldest);
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal);
}
