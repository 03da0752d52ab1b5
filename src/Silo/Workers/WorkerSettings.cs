using Anneal.Ml.Devices;

namespace Anneal.Silo.Workers;

/// <summary>What every slot of this silo shares: where it leases from, how it renews, and the device it trains on.</summary>
/// <param name="StallTime">An attempt whose dataset load reads no chunk, or whose trainer completes no step, evaluation batch or hand-over, for this long loses its lease.</param>
/// <param name="Faults">Test faults; <see cref="TestFaults.None"/> outside tests.</param>
public sealed record WorkerSettings(
    string Pool,
    TimeSpan LeaseDuration,
    TimeSpan RenewInterval,
    TimeSpan PollInterval,
    TimeSpan StallTime,
    ComputeDevice Device,
    TestFaults Faults);
