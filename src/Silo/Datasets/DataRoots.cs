using Anneal.Ml.Data;

namespace Anneal.Silo.Datasets;

/// <summary>
/// The folders a silo loads datasets from (<c>--data-root</c>, several joined with ':'; default: the per-user data
/// cache, Debian's /usr/share/datasets and the embedded subset). A spec's data folder must lie under one of them,
/// so a client that reaches the gateway cannot make a silo read any other folder.
/// </summary>
public sealed class DataRoots
{
    public const string DebianRoot = "/usr/share/datasets";

    public DataRoots(string? configured)
    {
        Folders = string.IsNullOrWhiteSpace(configured)
            ? [Full(DatasetCatalog.CacheRoot), DebianRoot, Full(Path.GetDirectoryName(DatasetCatalog.EmbeddedFashionMnistDir)!)]
            : [.. configured.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Full)];
    }

    public IReadOnlyList<string> Folders { get; }

    /// <exception cref="DatasetException">The folder lies outside every data root.</exception>
    public void Check(string? dataDir)
    {
        if (dataDir is null || Contains(dataDir)) return;
        throw new DatasetException($"data folder {dataDir} is outside this silo's data roots ({string.Join(", ", Folders)}); start the silo with --data-root including it");
    }

    public bool Contains(string dataDir)
    {
        if (!Path.IsPathFullyQualified(dataDir)) return false;
        var full = Full(dataDir);
        return Folders.Any(root => full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    /// <summary>The roots and the folders one and two levels below them: where a dataset folder may be.</summary>
    public IEnumerable<string> CandidateFolders()
    {
        foreach (var root in Folders.Where(Directory.Exists))
        {
            yield return root;
            foreach (var child in SafeSubfolders(root))
            {
                yield return child;
                foreach (var grandchild in SafeSubfolders(child)) yield return grandchild;
            }
        }
    }

    private static IEnumerable<string> SafeSubfolders(string folder)
    {
        try
        {
            return Directory.GetDirectories(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
