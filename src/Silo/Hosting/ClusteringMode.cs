namespace Anneal.Silo.Hosting;

/// <summary>How silos find each other.</summary>
public enum ClusteringMode
{
    /// <summary>One machine, no external dependency (development, `anneal sweep start --local`).</summary>
    Localhost,
    /// <summary>Membership table in Redis: silos and clients anywhere that can reach it.</summary>
    Redis,
    /// <summary>In a Kubernetes pod: Orleans' Kubernetes hosting (pod name, IP, ids) with the membership table in Redis.</summary>
    Kubernetes,
}
