using Anneal.Client.Findings;

namespace Anneal.Client.Tests.Findings;

/// <summary>Paired comparisons with given per-seed differences: arm A at 1.0, arm B at 1.0 + d.</summary>
internal static class Differences
{
    public static PairedComparison Of(params double[] differences) =>
        PairedComparison.Of(differences.Select((d, seed) => new SeedPair(seed, 1.0, 1.0 + d)));

    public static ClaimTest Beats(double minEffect, params double[] differences) => new(ClaimKind.Beats, Of(differences), minEffect);

    public static ClaimTest Matches(double minEffect, params double[] differences) => new(ClaimKind.Matches, Of(differences), minEffect);
}
