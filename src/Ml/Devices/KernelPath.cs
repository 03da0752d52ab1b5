namespace Anneal.Ml.Devices;

/// <param name="Name"><see cref="MklKernels.Avx512"/> or <see cref="MklKernels.Default"/>.</param>
/// <param name="Reason">Why this path, in a few words.</param>
public sealed record KernelPath(string Name, string Reason);
