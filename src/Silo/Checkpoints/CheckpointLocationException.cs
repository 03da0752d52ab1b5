namespace Anneal.Silo.Checkpoints;

/// <summary>
/// A checkpoint location the store did not write for that run (wrong format, another run, a bad signature): it is
/// neither read nor deleted. Only a client that bypassed the silos, or a bug, commits one.
/// </summary>
public sealed class CheckpointLocationException(string message) : Exception(message);
