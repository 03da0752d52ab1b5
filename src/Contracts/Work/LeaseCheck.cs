namespace Anneal.Contracts.Work;

/// <summary>What the work queue should do with a leased run whose lease it believes has expired.</summary>
[GenerateSerializer, Immutable, Alias("anneal.LeaseCheck")]
public sealed record LeaseCheck(
    [property: Id(0)] LeaseCheckOutcome Outcome,
    /// <summary>When <see cref="Outcome"/> is Held: the renewed expiry to check again at.</summary>
    [property: Id(1)] DateTimeOffset? ExpiresAt);

[GenerateSerializer, Alias("anneal.LeaseCheckOutcome")]
public enum LeaseCheckOutcome
{
    /// <summary>Still leased and renewed: check again later.</summary>
    Held = 0,
    /// <summary>The run waits for a worker (its lease lapsed, or it was given back): put it back in the queue.</summary>
    Requeue = 1,
    /// <summary>The run finished, failed or was cancelled: forget it.</summary>
    Drop = 2,
}
