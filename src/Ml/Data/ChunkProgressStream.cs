namespace Anneal.Ml.Data;

/// <summary>
/// Reads through to another stream and calls back each time another chunk of it has been read, and once at its end
/// (the last, partial chunk): a watcher on another thread can then tell a load that advances from one stuck in a read,
/// such as a hung network file system (docs/cluster.md, "A dataset load hangs"). The callback runs on the
/// reading thread, between reads.
/// </summary>
public sealed class ChunkProgressStream(Stream inner, Action chunkRead, int chunkBytes = ChunkProgressStream.DefaultChunkBytes) : Stream
{
    public const int DefaultChunkBytes = 1 << 20;

    private readonly int _chunkBytes = chunkBytes >= 1 ? chunkBytes : throw new ArgumentOutOfRangeException(nameof(chunkBytes), chunkBytes, "at least one byte");
    private long _read;
    private long _nextChunkEnd = chunkBytes;
    private bool _ended;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Count(read, atEnd: read == 0 && buffer.Length > 0);
        return read;
    }

    private void Count(int read, bool atEnd)
    {
        if (atEnd && !_ended)
        {
            _ended = true;
            chunkRead();
            return;
        }
        _read += read;
        // One call per chunk completed: a single large read can complete several.
        while (_read >= _nextChunkEnd)
        {
            _nextChunkEnd += _chunkBytes;
            chunkRead();
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
