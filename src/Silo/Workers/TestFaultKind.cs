namespace Anneal.Silo.Workers;

public enum TestFaultKind
{
    /// <summary>The silo process dies on the spot (Environment.FailFast), on every attempt: a run that kills its worker.</summary>
    Crash,

    /// <summary>The training thread stops stepping for good while the process lives on, once per process: a hung trainer.</summary>
    Hang,

    /// <summary>Reporting the run's progress fails for good, once per process: a fatal error in the progress reporter.</summary>
    Report,
}
