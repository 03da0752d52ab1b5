namespace Anneal.Silo.Workers;

/// <summary>Retries a grain call through a silo going away (the cluster notices within seconds).</summary>
internal static class GrainRetry
{
    private static readonly TimeSpan[] Delays =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    /// <summary>
    /// Calls until it succeeds, up to <see cref="Delays"/> retries. An <see cref="InvalidOperationException"/> is the
    /// grain's answer, not a transport failure, so it is never retried.
    /// </summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call, Action<Exception, int> onRetry, CancellationToken stop)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (attempt < Delays.Length && e is not InvalidOperationException && !stop.IsCancellationRequested)
            {
                onRetry(e, attempt + 1);
                await Task.Delay(Delays[attempt], CancellationToken.None);
            }
        }
    }
}
