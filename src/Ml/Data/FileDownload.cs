using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Anneal.Ml.Data;

/// <summary>
/// Downloads one file to <c>TARGET.part</c>, resuming a cut download with an HTTP Range request, checks its MD5
/// against the accepted sums and only then moves it to its name: a file under its own name is always whole and
/// genuine. A corrupt download is deleted, so the next try starts afresh.
/// </summary>
public static class FileDownload
{
    /// <param name="progress">Bytes so far and the total when known, called as the download goes.</param>
    /// <exception cref="DatasetException">Unreachable, refused by the server, or not matching any accepted MD5.</exception>
    public static async Task FetchAsync(Uri source, string target, IReadOnlyList<string> md5s,
        Action<long, long?>? progress = null, CancellationToken cancellationToken = default)
    {
        var partial = target + ".part";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        if (source.IsFile)
        {
            File.Copy(source.LocalPath, partial, overwrite: true);
        }
        else
        {
            await DownloadAsync(source, partial, progress, cancellationToken);
        }
        var md5 = Md5Of(partial);
        if (!md5s.Contains(md5))
        {
            File.Delete(partial);
            throw DatasetException.ForFile(source.ToString(), $"MD5 {md5} matches none of the published sums ({string.Join(", ", md5s)}); the download was deleted and nothing cached");
        }
        File.Move(partial, target, overwrite: true);
    }

    private static async Task DownloadAsync(Uri source, string partial, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var have = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, source);
        if (have > 0) request.Headers.Range = new RangeHeaderValue(have, null);
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connect.CancelAfter(TimeSpan.FromSeconds(30));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, connect.Token);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // The partial file is already whole (or longer than the file): let the checksum decide.
            return;
        }
        response.EnsureSuccessStatusCode();
        var resumed = response.StatusCode == HttpStatusCode.PartialContent;
        if (!resumed) have = 0;
        long? total = response.Content.Headers.ContentLength is { } length ? length + have : null;
        await using var input = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var output = new FileStream(partial, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            have += read;
            progress?.Invoke(have, total);
        }
    }

    public static string Md5Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(MD5.HashData(stream));
    }
}
