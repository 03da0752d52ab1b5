namespace Anneal.Ml.Data;

/// <summary>
/// <c>anneal data fetch</c>: fills the per-user cache with a dataset from its publisher or <c>ANNEAL_DATA_MIRROR</c>.
/// Fashion-MNIST's files land in the cache one by one, each only once verified; CIFAR-10's archive is verified, then
/// extracted (see <see cref="Cifar10Download"/>). A cut download leaves its <c>.part</c> file, which the next fetch resumes.
/// </summary>
public static class DatasetFetcher
{
    /// <param name="progress">File name, bytes so far, total bytes when known.</param>
    /// <param name="connectTimeout">Time to reach the server (default <see cref="FileDownload.DefaultConnectTimeout"/>).</param>
    /// <returns>The cache folder now holding the dataset.</returns>
    /// <exception cref="DatasetException">Unknown dataset, unreachable source or a corrupt file; one line naming the fixes.</exception>
    public static async Task<string> FetchAsync(string dataset, Action<string, long, long?>? progress = null,
        TimeSpan? connectTimeout = null, CancellationToken cancellationToken = default)
    {
        if (!DatasetCatalog.Downloadable.Contains(dataset))
            throw new DatasetException($"'{dataset}' cannot be fetched; these can: {string.Join(", ", DatasetCatalog.Downloadable)}");
        var baseUrl = DatasetDownloads.BaseUrl(dataset);
        var cache = DatasetCatalog.CacheDir(dataset);
        try
        {
            foreach (var file in FilesOf(dataset))
            {
                var target = Path.Combine(cache, file.Name);
                if (File.Exists(target)) continue;
                var source = new Uri(baseUrl, file.Name);
                try
                {
                    await FileDownload.FetchAsync(source, target, file.Md5s, (have, total) => progress?.Invoke(file.Name, have, total), connectTimeout, cancellationToken);
                }
                catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or UnauthorizedAccessException && !cancellationToken.IsCancellationRequested)
                {
                    var partial = new FileInfo(target + ".part");
                    var resume = partial.Exists
                        ? $"; {partial.Length:N0} bytes of {file.Name} are kept in {cache}: run `anneal data fetch {dataset}` again to resume"
                        : "";
                    throw new DatasetException(
                        $"Cannot download {dataset} from {source} ({FirstLine(e)}): set {DatasetDownloads.MirrorVariable} to a reachable copy"
                        + (dataset == DatasetCatalog.FashionMnist ? ", or apt-get install dataset-fashion-mnist" : "")
                        + $", or pass --data DIR with the files{resume}", e);
                }
            }
            return dataset == DatasetCatalog.Cifar10 ? new Cifar10Download(new Uri(baseUrl, Cifar10Download.ArchiveName), cache, Cifar10Download.ArchiveMd5).EnsureExtracted() : cache;
        }
        finally
        {
            // A fetch that stored nothing leaves nothing behind, not even its folder.
            if (Directory.Exists(cache) && !Directory.EnumerateFileSystemEntries(cache).Any())
                Directory.Delete(cache);
        }
    }

    /// <summary>The files a dataset is downloaded as, under their canonical names.</summary>
    public static IReadOnlyList<DatasetFile> FilesOf(string dataset) => dataset == DatasetCatalog.Cifar10
        ? [new DatasetFile(Cifar10Download.ArchiveName, [Cifar10Download.ArchiveMd5])]
        : DatasetDownloads.FashionMnistFiles;

    private static string FirstLine(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        return (e is OperationCanceledException ? "timed out" : inner.Message).ReplaceLineEndings(" ").Trim();
    }
}
