namespace Anneal.Grains;

/// <summary>The grain storage provider every Anneal grain keeps its state in; the silo host registers it once.</summary>
public static class AnnealStorage
{
    public const string Name = "anneal";
}
