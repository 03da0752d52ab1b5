namespace Anneal.Client.Findings;

/// <summary>One test's place in Holm's procedure: its rank among <see cref="FamilySize"/> tests, its level, and its adjusted p.</summary>
public sealed record HolmStep(int Rank, int FamilySize, double Alpha, bool EarlierRejected, double AdjustedPValue);
