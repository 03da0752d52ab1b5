using Anneal.Contracts.Sweeps;

namespace Anneal.Cluster.Tests.Infrastructure;

/// <summary>
/// Network faults a test switches on for its own sweep ids, applied by every silo of the in-process cluster: a sweep
/// that never hears from its runs (their one-way RunChanged messages are dropped as they are sent, as when the silo
/// hosting the sweep dies, so they do not even activate it), and a Start whose reply is lost (it takes effect, the
/// caller sees a timeout).
/// </summary>
public sealed class MessageFaults : IIncomingGrainCallFilter, IOutgoingGrainCallFilter
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

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.InterfaceMethod.Name == nameof(ISweepGrain.RunChanged) && IsDeaf(context.TargetId.Key.ToString()!)) return;
        await context.Invoke();
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.TargetContext.GrainInstance is not ISweepGrain || context.InterfaceMethod.Name != nameof(ISweepGrain.Start)) return;
        var sweepId = context.TargetId.Key.ToString()!;
        lock (Gate)
        {
            if (!LostStartReplies.TryGetValue(sweepId, out var left) || left == 0) return;
            LostStartReplies[sweepId] = left - 1;
        }
        throw new TimeoutException($"test fault: the reply to Start of sweep {sweepId} was lost");
    }

    private static bool IsDeaf(string sweepId)
    {
        lock (Gate) return DeafSweeps.Contains(sweepId);
    }
}
