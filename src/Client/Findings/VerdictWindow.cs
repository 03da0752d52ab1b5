namespace Anneal.Client.Findings;

/// <summary>The primary metric's window in steps, a whole number of curve buckets of <see cref="BucketSteps"/>, and why.</summary>
public sealed record VerdictWindow(int Steps, int BucketSteps, string Reason);
