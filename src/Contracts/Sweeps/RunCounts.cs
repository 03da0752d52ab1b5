using Anneal.Contracts.Runs;

namespace Anneal.Contracts.Sweeps;

/// <summary>How many runs of a sweep are in each status.</summary>
[GenerateSerializer, Immutable, Alias("anneal.RunCounts")]
public sealed record RunCounts(
    [property: Id(0)] int Queued,
    [property: Id(1)] int Running,
    [property: Id(2)] int Completed,
    [property: Id(3)] int Failed,
    [property: Id(4)] int Cancelled)
{
    public int Total => Queued + Running + Completed + Failed + Cancelled;

    public int Finished => Completed + Failed + Cancelled;

    public static RunCounts Of(IEnumerable<RunStatus> statuses)
    {
        int queued = 0, running = 0, completed = 0, failed = 0, cancelled = 0;
        foreach (var status in statuses)
        {
            switch (status)
            {
                case RunStatus.Queued: queued++; break;
                case RunStatus.Running: running++; break;
                case RunStatus.Completed: completed++; break;
                case RunStatus.Failed: failed++; break;
                case RunStatus.Cancelled: cancelled++; break;
            }
        }
        return new RunCounts(queued, running, completed, failed, cancelled);
    }
}
