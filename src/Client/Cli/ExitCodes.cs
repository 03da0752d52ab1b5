namespace Anneal.Client.Cli;

/// <summary>The exit codes of <c>anneal</c>, documented in docs/cli.md; scripts depend on them, so never renumber.</summary>
public static class ExitCodes
{
    /// <summary>Done; a followed or watched sweep completed every run.</summary>
    public const int Ok = 0;

    /// <summary>An unexpected error (a bug or an environment problem); the message says what.</summary>
    public const int Error = 1;

    /// <summary>Bad command line or bad sweep spec: nothing was submitted.</summary>
    public const int Usage = 2;

    /// <summary>No cluster answered at the given gateway or Redis within the connect timeout.</summary>
    public const int ClusterUnreachable = 3;

    /// <summary>The cluster has no sweep with that id.</summary>
    public const int SweepNotFound = 4;

    /// <summary>The followed or watched sweep finished with failed runs.</summary>
    public const int SweepFailed = 5;

    /// <summary>The followed or watched sweep was cancelled.</summary>
    public const int SweepCancelled = 6;

    /// <summary>Ctrl-C: watching stopped (a sweep in a cluster goes on; a --local sweep stops with its silo).</summary>
    public const int Interrupted = 130;
}
