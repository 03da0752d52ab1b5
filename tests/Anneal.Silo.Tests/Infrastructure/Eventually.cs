namespace Anneal.Silo.Tests.Infrastructure;

/// <summary>Waits for a condition with a deadline instead of sleeping a guessed time.</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> condition, string expectation, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? lastError = null;
        T last = default!;
        var seen = false;
        while (true)
        {
            try
            {
                last = await read();
                seen = true;
                if (condition(last)) return last;
            }
            catch (Exception e)
            {
                // The cluster may be moving grains off a dead silo; keep asking until the deadline.
                lastError = e;
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(
                    $"Expected {expectation} within {timeout.TotalSeconds:F0} s; last seen: {(seen ? last : "nothing")}; last error: {lastError?.Message}");
            await Task.Delay(50);
        }
    }
}
