namespace Anneal.Client.Reports;

/// <summary>The colours of the study's figures: matplotlib's default cycle, and the Pareto panels' fixed ones.</summary>
public static class StudyColors
{
    /// <summary>matplotlib's "tab10" property cycle, which the study's <c>plot_losses</c> uses in curve order.</summary>
    public static readonly IReadOnlyList<string> DefaultCycle =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    public static string Cycle(int index) => DefaultCycle[index % DefaultCycle.Count];

    /// <summary>Pareto panels: constant LR in grey, every linear decay in the cycle's fourth colour, the compared method in black.</summary>
    public const string ParetoConstant = "#808080";
    public const string ParetoLinear = "#d62728";
    public const string ParetoCompared = "#000000";
}
