namespace Anneal.Client.Reports;

/// <summary>An anytime method of the Pareto table, and how it fares against the linear decays.</summary>
public sealed record ParetoColumn(string Variant, string Label, int Steps)
{
    /// <summary>Lengths at which both values are known.</summary>
    public int Compared { get; init; }

    /// <summary>Lengths at which this method's smoothed loss is at or below the linear decay's final one.</summary>
    public int AtOrBelowLinear { get; init; }

    /// <summary>Matches or beats the linear decay at every length, and at least one was compared.</summary>
    public bool Dominates(int lengths) => lengths > 0 && Compared == lengths && AtOrBelowLinear == lengths;
}
