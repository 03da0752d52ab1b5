namespace Anneal.Cluster.Tests.Infrastructure;

/// <summary>Waits for a condition with a deadline instead of sleeping a guessed time.</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> condition, string expectation, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        var last = await read();
        while (!condition(last))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Expected {expectation} within {(timeout ?? TimeSpan.FromSeconds(20)).TotalSeconds:F0} s; last seen: {last}");
            await Task.Delay(25);
            last = await read();
        }
        return last;
    }
}
