namespace Anneal.Deploy.Tests.Infrastructure;

public static class Wait
{
    /// <summary>Polls <paramref name="condition"/> until it holds, or fails with what was expected once the deadline passes.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> expected, TimeSpan? poll = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"After {timeout}: {expected()}");
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(250));
        }
    }
}
