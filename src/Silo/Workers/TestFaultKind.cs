namespace Anneal.Silo.Workers;

public enum TestFaultKind
{
    /// <summary>The silo process dies on the spot (Environment.FailFast), on every attempt: a run that kills its worker.</summary>
    Crash,

    /// <summary>The training thread stops stepping for good while the process lives on, once per process: a hung trainer.</summary>
    Hang,

    /// <summary>Reporting the run's progress fails for good, once per process: a fatal error in the progress reporter.</summary>
    Report,

    /// <summary>
    /// Written <c>hang-load</c>: loading the run's dataset blocks for good at its STEP-th chunk while the process lives
    /// on, once per process: a read stuck on a hung network file system.
    /// </summary>
    HangLoad,

    /// <summary>
    /// Written <c>slow-load</c>: from its STEP-th chunk on, each chunk of the run's dataset takes
    /// <see cref="TestFaults.SlowChunkDelay"/> longer to read, on every load: slow storage that still advances.
    /// </summary>
    SlowLoad,
}
