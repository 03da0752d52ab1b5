using Microsoft.Extensions.Hosting;

namespace Anneal.Silo.Hosting;

/// <summary>
/// Hosted services start before the host reports started; a service that calls grains must wait until the silo has
/// joined the cluster, which is when the host reports started.
/// </summary>
public static class HostStarted
{
    /// <returns>False when the host stops first.</returns>
    public static async Task<bool> WaitAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try
            {
                await started.Task;
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }
}
