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
    /// <summary>How long a download may stall (no byte received) before it is given up; the .part file stays for a resume.</summary>
    public static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The default time to reach the server; a machine without internet fails in that time, never hangs.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(15);

    /// <param name="progress">Bytes so far and the total when known, called as the download goes.</param>
    /// <param name="connectTimeout">Time to resolve and connect to the server (default <see cref="DefaultConnectTimeout"/>).</param>
    /// <exception cref="DatasetException">Refused by the server, or not matching any accepted MD5.</exception>
    /// <exception cref="HttpRequestException">Unreachable or an HTTP error (other I/O and timeouts throw their own types).</exception>
    public static async Task FetchAsync(Uri source, string target, IReadOnlyList<string> md5s,
        Action<long, long?>? progress = null, TimeSpan? connectTimeout = null, CancellationToken cancellationToken = default)
    {
        var partial = target + ".part";
        if (source.IsFile)
        {
            CreateFolderOf(partial);
            File.Copy(source.LocalPath, partial, overwrite: true);
        }
        else
        {
            await DownloadAsync(source, partial, progress, connectTimeout ?? DefaultConnectTimeout, cancellationToken);
        }
        var md5 = Md5Of(partial);
        if (!md5s.Contains(md5))
        {
            File.Delete(partial);
            throw DatasetException.ForFile(source.ToString(), $"MD5 {md5} matches none of the published sums ({string.Join(", ", md5s)}); the download was deleted and nothing cached");
        }
        File.Move(partial, target, overwrite: true);
    }

    private static async Task DownloadAsync(Uri source, string partial, Action<long, long?>? progress, TimeSpan connectTimeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = connectTimeout }) { Timeout = Timeout.InfiniteTimeSpan };
        var have = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, source);
        if (have > 0) request.Headers.Range = new RangeHeaderValue(have, null);
        // One token bounds the wait for the headers, then each read: a server that stops sending is given up on.
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(connectTimeout + StallTimeout);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stall.Token);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // The partial file is already whole (or longer than the file): let the checksum decide.
            return;
        }
        response.EnsureSuccessStatusCode();
        var resumed = response.StatusCode == HttpStatusCode.PartialContent;
        if (!resumed) have = 0;
        long? total = response.Content.Headers.ContentLength is { } length ? length + have : null;
        await using var input = await response.Content.ReadAsStreamAsync(stall.Token);
        // Only now, with the server answering, does the cache get a folder: an unreachable source leaves nothing behind.
        CreateFolderOf(partial);
        await using var output = new FileStream(partial, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write);
        var buffer = new byte[1 << 16];
        int read;
        while (true)
        {
            stall.CancelAfter(StallTimeout);
            if ((read = await input.ReadAsync(buffer, stall.Token)) == 0) break;
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            have += read;
            progress?.Invoke(have, total);
        }
    }

    private static void CreateFolderOf(string path) => Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);

    public static string Md5Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(MD5.HashData(stream));
    }
}
