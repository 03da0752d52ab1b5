namespace Anneal.Client;

/// <summary>
/// Process exit codes of every <c>anneal</c> command, documented in docs/cli.md. Scripts depend on them: never renumber.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The run ended as failed (non-finite loss); for a followed or watched sweep: it finished with failed runs.</summary>
    public const int TrainingFailed = 1;
    /// <summary>Bad command line, option values or sweep spec: nothing was submitted.</summary>
    public const int UsageError = 2;
    /// <summary>Dataset missing, unreachable or malformed.</summary>
    public const int DataError = 3;
    /// <summary>Checkpoint or run folder missing, unreadable or written for another run.</summary>
    public const int CheckpointError = 4;
    /// <summary>No cluster answered at the given gateway or Redis within the connect timeout, or it went away.</summary>
    public const int ClusterUnreachable = 5;
    /// <summary>The cluster has no sweep with that id.</summary>
    public const int SweepNotFound = 6;
    /// <summary>The followed or watched sweep was cancelled.</summary>
    public const int SweepCancelled = 7;
    /// <summary>An unexpected error: a bug, or a problem of the machine (disk full); the message says what.</summary>
    public const int InternalError = 70;
    /// <summary>Interrupted (Ctrl+C); a checkpoint was written where an output folder exists. A watched sweep goes on.</summary>
    public const int Cancelled = 130;
}
