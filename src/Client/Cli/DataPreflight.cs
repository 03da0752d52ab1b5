using Anneal.Contracts.Datasets;
using Anneal.Contracts.Specs;
using Anneal.Ml.Data;

namespace Anneal.Client.Cli;

/// <summary>
/// Checks, before a sweep is submitted, that its dataset can be loaded where it will train: on this machine for
/// --local (the files are found and their headers read), or by at least one silo of the sweep's pool for a cluster
/// (each silo reports what it found to <see cref="IDatasetInventoryGrain"/>). A failure is <see cref="ExitCodes.DataError"/>.
/// </summary>
public static class DataPreflight
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(3);

    /// <returns>One line saying which copy of the dataset the sweep trains on.</returns>
    public static string CheckLocal(SweepSpec spec)
    {
        try
        {
            return DatasetCatalog.Check(spec.Dataset, spec.DataDir).Describe();
        }
        catch (DatasetException e)
        {
            throw new CliException(ExitCodes.DataError, e.Message, e);
        }
    }

    /// <returns>One line saying how many of the pool's silos can load the dataset.</returns>
    public static async Task<string> CheckClusterAsync(IGrainFactory grains, SweepSpec spec)
    {
        var inventory = grains.GetGrain<IDatasetInventoryGrain>(spec.Pool);
        var silos = await inventory.SilosWith(spec.Dataset, spec.DataDir).WaitAsync(AskTimeout);
        var where = spec.DataDir is null ? "in its default place" : $"in {spec.DataDir}";
        if (silos.Count > 0)
            return $"{spec.Dataset} {where} on {silos.Count} silo(s) of pool '{spec.Pool}'";
        var reporting = await inventory.ReportingSilos().WaitAsync(AskTimeout);
        var fix = spec.Dataset == DatasetCatalog.Cifar10 || spec.Dataset == DatasetCatalog.FashionMnist
            ? $"put it under the --data-root of a silo of that pool"
            : "check the spec's dataset";
        throw new CliException(ExitCodes.DataError, reporting == 0
            ? $"No silo of pool '{spec.Pool}' has reported its datasets in the last {IDatasetInventoryGrain.ReportLifetime.TotalSeconds:0} s: start a silo with --pool {spec.Pool}, or name another pool in the spec"
            : $"None of the {reporting} silo(s) of pool '{spec.Pool}' has {spec.Dataset} {where}: {fix}");
    }
}
