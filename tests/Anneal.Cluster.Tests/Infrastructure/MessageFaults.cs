using Anneal.Contracts.Sweeps;

namespace Anneal.Cluster.Tests.Infrastructure;

/// <summary>
/// Network faults a test switches on for its own sweep ids, applied by every silo of the in-process cluster: a sweep
/// that never hears from its runs (their one-way RunChanged messages are dropped, as when the silo hosting the sweep
/// dies), and a Start whose reply is lost (it takes effect, the caller sees a timeout).
/// </summary>
public sealed class MessageFaults : IIncomingGrainCallFilter
{
    private static readonly HashSet<string> DeafSweeps = [];
    private static readonly Dictionary<string, int> LostStartReplies = [];
    private static readonly Lock Gate = new();

    /// <summary>Drops every run update sent to the sweep until <see cref="Hear"/>.</summary>
    public static void Deafen(string sweepId)
    {
        lock (Gate) DeafSweeps.Add(sweepId);
    }

    public static void Hear(string sweepId)
    {
        lock (Gate) DeafSweeps.Remove(sweepId);
    }

    /// <summary>The next <paramref name="count"/> Start calls to the sweep run, then throw a timeout at the caller.</summary>
    public static void LoseStartReplies(string sweepId, int count)
    {
        lock (Gate) LostStartReplies[sweepId] = count;
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.TargetContext.GrainInstance is not ISweepGrain || context.TargetId.Key.ToString() is not { } sweepId)
        {
            await context.Invoke();
            return;
        }
        var method = context.InterfaceMethod.Name;
        lock (Gate)
        {
            if (method == nameof(ISweepGrain.RunChanged) && DeafSweeps.Contains(sweepId)) return;
        }
        await context.Invoke();
        if (method != nameof(ISweepGrain.Start)) return;
        lock (Gate)
        {
            if (!LostStartReplies.TryGetValue(sweepId, out var left) || left == 0) return;
            LostStartReplies[sweepId] = left - 1;
        }
        throw new TimeoutException($"test fault: the reply to Start of sweep {sweepId} was lost");
    }
}
