namespace Anneal.Grains.Work;

/// <summary>
/// The runs a work queue was given, in order: written only when runs are added or withdrawn (once per sweep, not once
/// per run), and compacted then. Leasing moves <see cref="WorkQueueState.Taken"/> instead of rewriting this list, so the
/// bytes a sweep writes grow with its runs, not with their square (docs/performance.md).
/// </summary>
[GenerateSerializer, Alias("anneal.WorkBacklogState")]
public sealed class WorkBacklogState
{
    [Id(0)] public List<string> Runs { get; set; } = [];
    /// <summary>Grows with every write; a queue state that counts in another generation is older than this list.</summary>
    [Id(1)] public long Generation { get; set; }
}
