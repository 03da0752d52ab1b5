namespace Anneal.Contracts.Work;

/// <summary>A run's answer to a call made under a lease.</summary>
[GenerateSerializer, Alias("anneal.LeaseVerdict")]
public enum LeaseVerdict
{
    /// <summary>The lease is current and the call took effect.</summary>
    Accepted = 0,
    /// <summary>The lease lapsed or was replaced: stop, and drop anything written under it.</summary>
    Fenced = 1,
    /// <summary>The run was cancelled: stop now.</summary>
    Cancelled = 2,
}
