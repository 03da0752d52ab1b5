using Anneal.Contracts.Runs;

namespace Anneal.Silo.Workers;

/// <summary>
/// Faults that tests make a silo's runs suffer, to prove what the cluster does about them (docs/cluster.md, "Test
/// faults"). Read from <see cref="Variable"/> only when the silo is started with <c>--test-faults true</c>, which no
/// shipped configuration sets; otherwise <see cref="None"/>. Format: <c>KIND:VARIANT@STEP</c> separated by ';', KIND one of
/// crash, hang, report (STEP a training step), hang-load, slow-load (STEP a chunk of the dataset's load).
/// </summary>
public sealed class TestFaults
{
    public const string Variable = "ANNEAL_TEST_FAULTS";

    /// <summary>How much longer each chunk of a <see cref="TestFaultKind.SlowLoad"/> takes: well under any stall time a test sets.</summary>
    public static readonly TimeSpan SlowChunkDelay = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyList<TestFault> _faults;
    private int _hung;
    private int _reportFailed;
    private int _loadHung;

    private TestFaults(IReadOnlyList<TestFault> faults) => _faults = faults;

    public static TestFaults None { get; } = new([]);

    public IReadOnlyList<TestFault> Faults => _faults;

    /// <exception cref="ArgumentException">Not of the form <c>KIND:VARIANT@STEP</c>, separated by ';'.</exception>
    public static TestFaults Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return None;
        var faults = new List<TestFault>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kindAndRest = part.Split(':', 2);
            var variantAndStep = kindAndRest.Length == 2 ? kindAndRest[1].Split('@', 2) : [];
            var kind = Enum.GetValues<TestFaultKind>().Cast<TestFaultKind?>().FirstOrDefault(k => Written(k!.Value).Equals(kindAndRest[0], StringComparison.OrdinalIgnoreCase));
            if (kind is null || variantAndStep.Length != 2 || string.IsNullOrWhiteSpace(variantAndStep[0])
                || !int.TryParse(variantAndStep[1], out var step) || step < 1)
                throw new ArgumentException($"{Variable}: '{part}' is not KIND:VARIANT@STEP (KIND crash, hang, report, hang-load or slow-load; STEP at least 1)");
            faults.Add(new TestFault(kind.Value, variantAndStep[0], step));
        }
        return new TestFaults(faults);
    }

    /// <summary>How a kind is written in <see cref="Variable"/>: HangLoad as hang-load.</summary>
    public static string Written(TestFaultKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>Called on the training thread at each progress report; returns unless a fault applies.</summary>
    public void AtProgress(RunDefinition run, int step)
    {
        foreach (var fault in Applying(run, step))
        {
            if (fault.Kind == TestFaultKind.Crash)
                Environment.FailFast($"test fault: run {run.RunId} ({run.Variant}) crashes its worker at step {step}");
            if (fault.Kind == TestFaultKind.Hang && Interlocked.Exchange(ref _hung, 1) == 0)
                Thread.Sleep(Timeout.Infinite); // like a native call that never returns: no exception, no progress
        }
    }

    /// <summary>Called by the progress reporter before it sends progress through <paramref name="step"/>.</summary>
    /// <exception cref="IOException">A report fault applies.</exception>
    public void AtReport(RunDefinition run, int step)
    {
        foreach (var fault in Applying(run, step))
        {
            if (fault.Kind == TestFaultKind.Report && Interlocked.Exchange(ref _reportFailed, 1) == 0)
                throw new IOException($"test fault: reporting step {step} of run {run.RunId} fails");
        }
    }

    /// <summary>Called on the loading thread each time a load for <paramref name="run"/> has read its <paramref name="chunk"/>-th chunk.</summary>
    public void AtLoadChunk(RunDefinition run, long chunk)
    {
        foreach (var fault in Applying(run, chunk))
        {
            if (fault.Kind == TestFaultKind.HangLoad && Interlocked.Exchange(ref _loadHung, 1) == 0)
                Thread.Sleep(Timeout.Infinite); // like a read from a hung network file system: no error, no progress
            if (fault.Kind == TestFaultKind.SlowLoad)
                Thread.Sleep(SlowChunkDelay);
        }
    }

    private IEnumerable<TestFault> Applying(RunDefinition run, long step) =>
        _faults.Where(f => f.Variant == run.Variant && step >= f.Step);
}
