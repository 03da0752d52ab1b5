namespace Anneal.Client.Findings;

/// <summary>One claim about two arms of a finding: "A beats B" or "A matches B", with a label for compound findings.</summary>
public sealed record ComparisonPlan(string Label, ClaimKind Kind, Arm A, Arm B)
{
    public string Claim => $"{A.Name} {(Kind == ClaimKind.Beats ? "beats" : "matches")} {B.Name}";
}
