using Anneal.Vocabulary;

namespace Anneal.Ml.Data;

/// <summary>The datasets Anneal trains on, by name, and where each is looked for.</summary>
public static class DatasetCatalog
{
    // The names are the vocabulary's, shared with the spec validator; this class says where each dataset lives.
    public const string Cifar10 = KnownDatasets.Cifar10;
    public const string FashionMnist = KnownDatasets.FashionMnist;
    public const string Synthetic = KnownDatasets.Synthetic;

    public static IReadOnlyList<string> Names => KnownDatasets.All;

    /// <summary>
    /// The CIFAR-10 cache: <c>$ANNEAL_CACHE/cifar10</c>, else <c>$XDG_CACHE_HOME/anneal/cifar10</c>, else
    /// <c>~/.cache/anneal/cifar10</c>.
    /// </summary>
    public static string Cifar10CacheDir
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("ANNEAL_CACHE");
            if (string.IsNullOrEmpty(root))
            {
                var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
                var cache = string.IsNullOrEmpty(xdg)
                    ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                    : xdg;
                root = Path.Combine(cache, "anneal");
            }
            return Path.Combine(root, Cifar10);
        }
    }

    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="dataDir">null: the default place (CIFAR-10 cache, Debian's /usr/share/datasets/fashion-mnist).</param>
    /// <param name="download">CIFAR-10 only: fetch, MD5-verify and extract into the cache when missing.</param>
    /// <param name="seed">Synthetic only: which classes and images to draw.</param>
    /// <exception cref="DatasetException">Unknown name, missing or malformed files, or no way to download.</exception>
    public static DatasetSplits Load(string name, string? dataDir = null, bool download = false, int seed = 0)
    {
        switch (name)
        {
            case Synthetic:
                return SyntheticDataset.Create(seed: seed);
            case FashionMnist:
            {
                var dir = dataDir ?? FashionMnistReader.DebianDir;
                if (!FashionMnistReader.HasFiles(dir))
                {
                    throw new DatasetException($"Fashion-MNIST not found in {dir} (on Debian: sudo apt-get install dataset-fashion-mnist; or pass --data DIR with its IDX files)");
                }
                return FashionMnistReader.Read(dir);
            }
            case Cifar10:
            {
                var batches = dataDir is null ? Cifar10Reader.FindBatches(Cifar10CacheDir) : Cifar10Reader.FindBatches(dataDir);
                if (batches is not null)
                {
                    return Cifar10Reader.Read(batches);
                }
                if (dataDir is not null)
                {
                    throw new DatasetException($"CIFAR-10 not found in {dataDir}: expected {Cifar10Reader.BatchesFolder}/{Cifar10Reader.TestFile} there");
                }
                if (!download)
                {
                    throw new DatasetException($"CIFAR-10 not found in {Cifar10CacheDir}; allow the download or pass --data DIR with a folder holding {Cifar10Reader.BatchesFolder}");
                }
                return Cifar10Reader.Read(Cifar10Download.Default().EnsureExtracted());
            }
            default:
                throw new DatasetException($"unknown dataset '{name}'; known: {string.Join(", ", Names)}");
        }
    }

    /// <summary>Where the dataset would be loaded from, or null when it is not there (synthetic: always "generated").</summary>
    public static string? Describe(string name, string? dataDir = null) => name switch
    {
        Synthetic => "generated in memory",
        FashionMnist => FashionMnistReader.HasFiles(dataDir ?? FashionMnistReader.DebianDir) ? dataDir ?? FashionMnistReader.DebianDir : null,
        Cifar10 => Cifar10Reader.FindBatches(dataDir ?? Cifar10CacheDir),
        _ => null,
    };
}
