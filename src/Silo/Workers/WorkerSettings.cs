using Anneal.Ml.Devices;

namespace Anneal.Silo.Workers;

/// <summary>What every slot of this silo shares: where it leases from, how it renews, and the device it trains on.</summary>
public sealed record WorkerSettings(
    string Pool,
    TimeSpan LeaseDuration,
    TimeSpan RenewInterval,
    TimeSpan PollInterval,
    ComputeDevice Device);
