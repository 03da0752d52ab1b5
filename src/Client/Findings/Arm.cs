using Anneal.Client.Reports;

namespace Anneal.Client.Findings;

/// <summary>One side of a comparison: a configuration read at a step (its last, unless an anytime method is read early).</summary>
public sealed record Arm(SweepConfiguration Configuration, int Step)
{
    public static Arm AtEnd(SweepConfiguration configuration) => new(configuration, configuration.Steps);

    public string Name => Step == Configuration.Steps
        ? Configuration.Name
        : $"{Configuration.Name} at step {ReportFormat.Steps(Step)}";
}
