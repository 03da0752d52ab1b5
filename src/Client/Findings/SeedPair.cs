namespace Anneal.Client.Findings;

/// <summary>One seed's values of a metric in arms A and B; lower is better, so <see cref="Difference"/> &gt; 0 favours A.</summary>
public sealed record SeedPair(int Seed, double A, double B)
{
    public double Difference => B - A;
}
