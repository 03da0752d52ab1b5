namespace Anneal.Contracts.Specs;

/// <summary>The training core's dataset names (checked against Anneal.Ml's DatasetCatalog by a test).</summary>
public static class KnownDatasets
{
    public const string Cifar10 = "cifar10";
    public const string FashionMnist = "fashion-mnist";
    public const string Synthetic = "synthetic";

    public static IReadOnlyList<string> All { get; } = [Cifar10, FashionMnist, Synthetic];

    public static bool Exists(string name) => All.Contains(name, StringComparer.Ordinal);
}
