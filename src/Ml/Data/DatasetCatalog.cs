using Anneal.Vocabulary;

namespace Anneal.Ml.Data;

/// <summary>
/// The datasets Anneal trains on, by name, and where each is looked for: the folder given (--data or the spec's
/// dataDir; nothing else is tried then), else the per-user cache, else Debian's dataset folder, else (Fashion-MNIST
/// only) the subset shipped with Anneal.
/// </summary>
public static class DatasetCatalog
{
    // The names are the vocabulary's, shared with the spec validator; this class says where each dataset lives.
    public const string Cifar10 = KnownDatasets.Cifar10;
    public const string FashionMnist = KnownDatasets.FashionMnist;
    public const string Synthetic = KnownDatasets.Synthetic;

    public static IReadOnlyList<string> Names => KnownDatasets.All;

    /// <summary>The datasets that can be fetched into the cache.</summary>
    public static IReadOnlyList<string> Downloadable { get; } = [Cifar10, FashionMnist];

    /// <summary>
    /// The per-user cache: <c>$ANNEAL_CACHE</c>, else <c>$XDG_CACHE_HOME/anneal</c>, else <c>~/.cache/anneal</c>.
    /// </summary>
    public static string CacheRoot
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("ANNEAL_CACHE");
            if (!string.IsNullOrEmpty(root)) return root;
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var cache = string.IsNullOrEmpty(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            return Path.Combine(cache, "anneal");
        }
    }

    /// <summary>Where <paramref name="name"/> is cached: a folder of the cache root named after the dataset.</summary>
    public static string CacheDir(string name) => Path.Combine(CacheRoot, name);

    public static string Cifar10CacheDir => CacheDir(Cifar10);

    /// <summary>The Fashion-MNIST subset copied beside the binaries from datasets/fashion-mnist-subset.</summary>
    public static string EmbeddedFashionMnistDir => Path.Combine(AppContext.BaseDirectory, "datasets", "fashion-mnist-subset");

    /// <summary>Finds the dataset without reading it.</summary>
    /// <exception cref="DatasetException">Unknown name, or nowhere to be found; the message names the fixes.</exception>
    public static DatasetLocation Locate(string name, string? dataDir = null) => TryLocate(name, dataDir) ?? throw NotFound(name, dataDir);

    /// <summary>Like <see cref="Locate"/>, but null when the dataset is nowhere.</summary>
    public static DatasetLocation? TryLocate(string name, string? dataDir = null)
    {
        if (name == Synthetic) return new DatasetLocation(name, "memory", DatasetSource.Generated);
        if (!Names.Contains(name)) throw new DatasetException($"unknown dataset '{name}'; known: {string.Join(", ", Names)}");
        if (dataDir is not null)
            return Find(name, dataDir) is { } given ? new DatasetLocation(name, given, DatasetSource.Given) : null;
        foreach (var (source, folder) in Places(name))
        {
            if (Find(name, folder) is { } found) return new DatasetLocation(name, found, source);
        }
        return null;
    }

    /// <summary>The folders looked in when no --data is given, in the order they are tried.</summary>
    public static IReadOnlyList<(DatasetSource Source, string Folder)> Places(string name) => name switch
    {
        FashionMnist => [(DatasetSource.Cache, CacheDir(name)), (DatasetSource.Debian, FashionMnistReader.DebianDir), (DatasetSource.Embedded, EmbeddedFashionMnistDir)],
        Cifar10 => [(DatasetSource.Cache, CacheDir(name))],
        _ => [],
    };

    /// <summary>The folder in <paramref name="folder"/> that holds the dataset's files, or null.</summary>
    public static string? Find(string name, string folder) =>
        name == Cifar10 ? Cifar10Reader.FindBatches(folder) : FashionMnistReader.HasFiles(folder) ? folder : null;

    /// <summary>Finds the dataset and reads its headers, so a missing or unreadable file shows in milliseconds.</summary>
    /// <exception cref="DatasetException">Not found, unreadable or of the wrong format.</exception>
    public static DatasetLocation Check(string name, string? dataDir = null)
    {
        var location = Locate(name, dataDir);
        switch (name)
        {
            case FashionMnist: FashionMnistReader.CheckHeaders(location.Path); break;
            case Cifar10: Cifar10Reader.CheckFiles(location.Path); break;
        }
        return location;
    }

    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="dataDir">null: look in the cache, Debian's folder and the embedded subset, in that order.</param>
    /// <param name="download">CIFAR-10 only: fetch, MD5-verify and extract into the cache when missing.</param>
    /// <param name="seed">Synthetic only: which classes and images to draw.</param>
    /// <param name="chunkRead">
    /// Called on this thread each time another chunk of a file has been read, downloaded or extracted
    /// (<see cref="ChunkProgressStream"/>), or of the synthetic images drawn: how a silo tells a load that advances
    /// from a stuck one.
    /// </param>
    /// <exception cref="DatasetException">Unknown name, missing or malformed files, or no way to download.</exception>
    public static DatasetSplits Load(string name, string? dataDir = null, bool download = false, int seed = 0, Action? chunkRead = null)
    {
        if (name == Synthetic) return SyntheticDataset.Create(seed: seed, chunkMade: chunkRead);
        if (TryLocate(name, dataDir) is { } location)
            return name == Cifar10 ? Cifar10Reader.Read(location.Path, chunkRead: chunkRead) : FashionMnistReader.Read(location.Path, chunkRead);
        if (name == Cifar10 && dataDir is null && download)
            return Cifar10Reader.Read(Cifar10Download.Default().EnsureExtracted(chunkRead: chunkRead), chunkRead: chunkRead);
        throw NotFound(name, dataDir);
    }

    /// <summary>Where the dataset would be loaded from, or null when it is not there.</summary>
    public static string? Describe(string name, string? dataDir = null) => TryLocate(name, dataDir)?.Describe();

    private static DatasetException NotFound(string name, string? dataDir) => (name, dataDir) switch
    {
        (FashionMnist, not null) => new DatasetException(
            $"Fashion-MNIST not found in {dataDir}: expected train-images-idx3-ubyte[.gz] and the three other IDX files there (or drop --data to use the default)"),
        (FashionMnist, null) => new DatasetException(
            $"Fashion-MNIST not found in {CacheDir(FashionMnist)}, {FashionMnistReader.DebianDir} or {EmbeddedFashionMnistDir}: anneal data fetch fashion-mnist, or apt-get install dataset-fashion-mnist, or pass --data DIR"),
        (_, not null) => new DatasetException($"CIFAR-10 not found in {dataDir}: expected {Cifar10Reader.BatchesFolder}/{Cifar10Reader.TestFile} there"),
        _ => new DatasetException(
            $"CIFAR-10 not found in {Cifar10CacheDir}: run `anneal data fetch cifar10` (set {DatasetDownloads.MirrorVariable} for a local copy), or pass --data DIR with a folder holding {Cifar10Reader.BatchesFolder}"),
    };
}
