namespace Anneal.Vocabulary;

/// <summary>The datasets the training core can load, by the name a spec and <c>anneal train --dataset</c> use.</summary>
public static class KnownDatasets
{
    public const string Cifar10 = "cifar10";
    public const string FashionMnist = "fashion-mnist";
    public const string Synthetic = "synthetic";

    public static IReadOnlyList<string> All { get; } = [Cifar10, FashionMnist, Synthetic];

    public static bool Exists(string name) => All.Contains(name, StringComparer.Ordinal);
}
