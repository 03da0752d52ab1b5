using Anneal.Client.Cli;
using Anneal.Client.Reports;
using Anneal.Contracts;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;
using Anneal.Contracts.Sweeps;

namespace Anneal.Client.Cluster;

/// <summary>What the CLI asks of a cluster's sweeps, with unknown ids and refused specs turned into CLI errors.</summary>
public sealed class SweepOperations(IGrainFactory grains)
{
    /// <summary>
    /// Starts <paramref name="spec"/> as one new sweep: its id is drawn once per call and reused by the call's own
    /// retries (<see cref="SweepSubmission"/>), so a retry after a lost reply returns the same sweep.
    /// </summary>
    public async Task<SweepSummary> StartAsync(SweepSpec spec)
    {
        try
        {
            return await new SweepSubmission(spec).SubmitAsync(grains);
        }
        catch (SweepSpecException e)
        {
            throw new CliException(ExitCodes.UsageError, $"The cluster refused the sweep spec: {string.Join("; ", e.Errors)}", e);
        }
    }

    public async Task<SweepSummary> GetAsync(string sweepId)
    {
        var grain = await ExistingAsync(sweepId);
        return await grain.GetSummary();
    }

    public async Task<SweepSummary> CancelAsync(string sweepId)
    {
        var grain = await ExistingAsync(sweepId);
        return await grain.Cancel();
    }

    public async Task<SweepSummary> RetryAsync(string sweepId)
    {
        var grain = await ExistingAsync(sweepId);
        try
        {
            return await grain.Retry();
        }
        catch (InvalidOperationException e)
        {
            throw new CliException(ExitCodes.UsageError, $"Cannot retry: {e.Message}", e);
        }
    }

    /// <summary>Deletes a finished sweep and everything it stored; returns how many runs were removed.</summary>
    public async Task<int> DeleteAsync(string sweepId)
    {
        var grain = await ExistingAsync(sweepId);
        try
        {
            return await grain.Delete();
        }
        catch (InvalidOperationException e)
        {
            throw new CliException(ExitCodes.UsageError, $"Cannot delete: {e.Message}", e);
        }
    }

    /// <summary>A page of the catalog, newest first, after the sweep <paramref name="before"/> (null: from the newest).</summary>
    public Task<IReadOnlyList<SweepListing>> ListAsync(int limit, string? before = null) =>
        grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key).List(limit, before);

    /// <summary>The sweep with every run's curve and results, as the report reads it.</summary>
    public async Task<SweepRecord> ReadRecordAsync(SweepSummary summary)
    {
        var details = await Task.WhenAll(summary.Runs.Select(run => grains.GetGrain<IRunGrain>(run.RunId).GetDetails()));
        return SweepRecordMapper.ToRecord(summary, details);
    }

    private async Task<ISweepGrain> ExistingAsync(string sweepId)
    {
        if (SweepIds.Check(sweepId) is { } problem)
            throw new CliException(ExitCodes.SweepNotFound, $"No such sweep: {problem}");
        var grain = grains.GetGrain<ISweepGrain>(sweepId);
        if (!await grain.Exists())
            throw new CliException(ExitCodes.SweepNotFound, $"No sweep '{sweepId}' in this cluster ('anneal sweep list' shows them)");
        return grain;
    }
}
