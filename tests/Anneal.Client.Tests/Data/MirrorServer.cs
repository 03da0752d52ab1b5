using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Anneal.Client.Tests.Data;

/// <summary>
/// A dataset mirror on 127.0.0.1, as <c>ANNEAL_DATA_MIRROR</c> points at: plain HTTP/1.1 over a socket, serving files
/// under their canonical names with Range support, and able to cut a download mid-body as a dropped connection would.
/// </summary>
public sealed class MirrorServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Dictionary<string, byte[]> _files;
    private readonly ConcurrentQueue<MirrorRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private (string File, int Bytes)? _cut;

    public MirrorServer(Dictionary<string, byte[]> files)
    {
        _files = files;
        _listener.Start();
        _ = ServeAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public IReadOnlyList<MirrorRequest> Requests => [.. _requests];

    /// <summary>The next response for <paramref name="file"/> sends its headers, then only this many bytes, then closes.</summary>
    public void CutNextDownload(string file, int bytes) => _cut = (file, bytes);

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var (path, from) = await ReadRequestAsync(stream);
            var name = path.TrimStart('/');
            _requests.Enqueue(new MirrorRequest(name, from));
            if (!_files.TryGetValue(name, out var content))
            {
                await WriteHeadAsync(stream, "404 Not Found", 0, null);
                return;
            }
            var start = from ?? 0;
            if (start >= content.Length)
            {
                await WriteHeadAsync(stream, "416 Range Not Satisfiable", 0, $"Content-Range: bytes */{content.Length}");
                return;
            }
            await WriteHeadAsync(stream, from is null ? "200 OK" : "206 Partial Content", content.Length - start,
                from is null ? null : $"Content-Range: bytes {start}-{content.Length - 1}/{content.Length}");
            var length = content.Length - (int)start;
            if (_cut is { } cut && cut.File == name)
            {
                _cut = null;
                length = Math.Min(length, cut.Bytes);
            }
            await stream.WriteAsync(content.AsMemory((int)start, length));
            await stream.FlushAsync();
        }
        catch (IOException)
        {
            // The client went away; the test sees what it did from its side.
        }
    }

    private static async Task<(string Path, long? From)> ReadRequestAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer) == 0) throw new IOException("the client closed before its request ended");
            head.Append((char)buffer[0]);
        }
        var lines = head.ToString().Split("\r\n");
        var path = lines[0].Split(' ')[1];
        long? from = null;
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith("Range: bytes=", StringComparison.OrdinalIgnoreCase))
                from = long.Parse(line["Range: bytes=".Length..].Split('-')[0]);
        }
        return (path, from);
    }

    private static Task WriteHeadAsync(NetworkStream stream, string status, long contentLength, string? extra)
    {
        var head = $"HTTP/1.1 {status}\r\nContent-Length: {contentLength}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n"
            + (extra is null ? "" : extra + "\r\n") + "\r\n";
        return stream.WriteAsync(Encoding.ASCII.GetBytes(head)).AsTask();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}

/// <summary>One request the mirror received: the file and, for a resume, the first byte asked for.</summary>
public sealed record MirrorRequest(string File, long? RangeFrom);
