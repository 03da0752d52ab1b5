using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Anneal.Silo.Hosting;

/// <summary>
/// Healthy once this silo is an active member of its cluster: it has joined, so it serves gateway calls and its
/// workers can lease runs. Unhealthy while joining, and again from the moment it starts shutting down, so Kubernetes
/// stops routing clients to a silo that is handing its runs back.
/// </summary>
public sealed class ClusterMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails localSilo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"silo is {status}"));
    }
}
