namespace Anneal.Client;

/// <summary>Process exit codes of every <c>anneal</c> command.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The run ended as failed (non-finite loss).</summary>
    public const int TrainingFailed = 1;
    /// <summary>Bad command line or option values.</summary>
    public const int UsageError = 2;
    /// <summary>Dataset missing, unreachable or malformed.</summary>
    public const int DataError = 3;
    /// <summary>Checkpoint or run folder missing, unreadable or written for another run.</summary>
    public const int CheckpointError = 4;
    /// <summary>An unexpected error (a bug or a native failure); the message says which.</summary>
    public const int InternalError = 70;
    /// <summary>Interrupted (Ctrl+C); a checkpoint was written where an output folder exists.</summary>
    public const int Cancelled = 130;
}
