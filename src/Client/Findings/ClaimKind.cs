namespace Anneal.Client.Findings;

/// <summary>What a claim says of arms A and B: A is better by at least δ, or they agree within ±δ.</summary>
public enum ClaimKind
{
    Beats,
    Matches,
}
