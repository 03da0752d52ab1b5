namespace Anneal.Silo.Workers;

/// <summary>
/// Runs one attempt's training on a thread of its own, awaited as a task. Its own thread, because training is long and
/// CPU-bound (not for the thread pool), and because a trainer stuck in native code cannot be stopped: the slot then
/// abandons this thread and moves on. It is a background thread, so it never holds the process open.
/// </summary>
internal static class TrainingThread
{
    public static Task<T> Start<T>(string name, Func<T> training)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(training());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }
}
