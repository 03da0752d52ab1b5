using System.Buffers.Binary;
using System.IO.Compression;

namespace Anneal.Ml.Data;

/// <summary>
/// Reads Fashion-MNIST's IDX files (gzip or not) and pads each 28x28 image with two black pixels on every side
/// to 32x32, one channel, so the same TinyViT (4x4 patches of 8x8) applies.
/// </summary>
public static class FashionMnistReader
{
    public const string DebianDir = "/usr/share/datasets/fashion-mnist";
    private const int ImagesMagic = 0x00000803;
    private const int LabelsMagic = 0x00000801;
    private const int Source = 28;
    private const int Pad = (InMemoryImageDataset.Side - Source) / 2;
    private const int Classes = 10;

    /// <summary>Where the four files are: <paramref name="dataDir"/> if it holds them, else null.</summary>
    public static bool HasFiles(string dataDir) => Find(dataDir, "t10k-labels-idx1-ubyte") is not null;

    /// <summary>
    /// Opens the four files and checks their IDX headers (magic, 28x28 images, as many images as labels) without
    /// reading the pixels: what a preflight can afford.
    /// </summary>
    /// <exception cref="DatasetException">A file missing, unreadable or not what it should be.</exception>
    public static void CheckHeaders(string dataDir)
    {
        foreach (var prefix in new[] { "train", "t10k" })
        {
            var imagesPath = Find(dataDir, $"{prefix}-images-idx3-ubyte") ?? throw DatasetException.ForFile(Path.Combine(dataDir, $"{prefix}-images-idx3-ubyte[.gz]"), "missing");
            var labelsPath = Find(dataDir, $"{prefix}-labels-idx1-ubyte") ?? throw DatasetException.ForFile(Path.Combine(dataDir, $"{prefix}-labels-idx1-ubyte[.gz]"), "missing");
            var labels = Header(labelsPath, ReadStart(labelsPath, 8), LabelsMagic, dims: 1)[0];
            var dims = Header(imagesPath, ReadStart(imagesPath, 16), ImagesMagic, dims: 3);
            if (dims[1] != Source || dims[2] != Source)
                throw DatasetException.ForFile(imagesPath, $"images are {dims[1]}x{dims[2]}, Fashion-MNIST images are 28x28");
            if (dims[0] != labels)
                throw DatasetException.ForFile(imagesPath, $"{dims[0]:N0} images but the label file has {labels:N0} labels");
        }
    }

    /// <param name="chunkRead">Called on this thread each time another chunk of a file has been read (<see cref="ChunkProgressStream"/>).</param>
    public static DatasetSplits Read(string dataDir, Action? chunkRead = null) => new(
        ReadSplit(dataDir, "train", "fashion-mnist-train", chunkRead),
        ReadSplit(dataDir, "t10k", "fashion-mnist-test", chunkRead));

    private static InMemoryImageDataset ReadSplit(string dir, string prefix, string name, Action? chunkRead)
    {
        var imagesPath = Find(dir, $"{prefix}-images-idx3-ubyte") ?? throw DatasetException.ForFile(Path.Combine(dir, $"{prefix}-images-idx3-ubyte[.gz]"), "missing");
        var labelsPath = Find(dir, $"{prefix}-labels-idx1-ubyte") ?? throw DatasetException.ForFile(Path.Combine(dir, $"{prefix}-labels-idx1-ubyte[.gz]"), "missing");
        var labels = ReadLabels(labelsPath, chunkRead);
        var pixels = ReadImages(imagesPath, labels.Length, chunkRead);
        return new InMemoryImageDataset(name, 1, Classes, pixels, labels);
    }

    private static string? Find(string dir, string stem) =>
        new[] { stem + ".gz", stem }.Select(f => Path.Combine(dir, f)).FirstOrDefault(File.Exists);

    private static byte[] ReadLabels(string path, Action? chunkRead)
    {
        var content = ReadAll(path, chunkRead);
        var count = Header(path, content, LabelsMagic, dims: 1)[0];
        Expect(path, content, 8L + count);
        var labels = content.AsSpan(8, count).ToArray();
        var bad = Array.FindIndex(labels, l => l >= Classes);
        if (bad >= 0)
        {
            throw DatasetException.ForFile(path, $"mislabelled: item {bad:N0} has label {labels[bad]}, Fashion-MNIST labels are 0-9");
        }
        return labels;
    }

    private static byte[] ReadImages(string path, int expectedCount, Action? chunkRead)
    {
        var content = ReadAll(path, chunkRead);
        var dims = Header(path, content, ImagesMagic, dims: 3);
        if (dims[1] != Source || dims[2] != Source)
        {
            throw DatasetException.ForFile(path, $"images are {dims[1]}x{dims[2]}, Fashion-MNIST images are 28x28");
        }
        if (dims[0] != expectedCount)
        {
            throw DatasetException.ForFile(path, $"{dims[0]:N0} images but the label file has {expectedCount:N0} labels");
        }
        Expect(path, content, 16L + (long)dims[0] * Source * Source);
        const int side = InMemoryImageDataset.Side;
        var pixels = new byte[(long)dims[0] * side * side];
        for (var i = 0; i < dims[0]; i++)
        {
            for (var row = 0; row < Source; row++)
            {
                Array.Copy(content, 16 + ((long)i * Source + row) * Source, pixels, ((long)i * side + row + Pad) * side + Pad, Source);
            }
        }
        return pixels;
    }

    private static int[] Header(string path, byte[] content, int magic, int dims)
    {
        if (content.Length < 4 + 4 * dims)
        {
            throw DatasetException.ForFile(path, $"truncated: {content.Length} bytes is shorter than an IDX header");
        }
        var actualMagic = BinaryPrimitives.ReadInt32BigEndian(content);
        if (actualMagic != magic)
        {
            throw DatasetException.ForFile(path, $"not an IDX file of the expected kind (magic 0x{actualMagic:x8}, expected 0x{magic:x8})");
        }
        return [.. Enumerable.Range(0, dims).Select(d => BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(4 + 4 * d)))];
    }

    private static void Expect(string path, byte[] content, long length)
    {
        if (content.Length != length)
        {
            var what = content.Length < length ? "truncated" : "too long";
            throw DatasetException.ForFile(path, $"{what}: {content.Length:N0} bytes of content, the header implies {length:N0}");
        }
    }

    private static byte[] ReadStart(string path, int length)
    {
        try
        {
            using var file = File.OpenRead(path);
            using Stream content = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
            var start = new byte[length];
            var read = content.ReadAtLeast(start, length, throwOnEndOfStream: false);
            return start[..read];
        }
        catch (InvalidDataException e)
        {
            throw DatasetException.ForFile(path, $"corrupt gzip ({e.Message})");
        }
        catch (UnauthorizedAccessException)
        {
            throw DatasetException.ForFile(path, "not readable by this user");
        }
    }

    private static byte[] ReadAll(string path, Action? chunkRead)
    {
        try
        {
            using var file = new ChunkProgressStream(File.OpenRead(path), chunkRead ?? (() => { }));
            using var buffer = new MemoryStream();
            if (path.EndsWith(".gz", StringComparison.Ordinal))
            {
                using var gzip = new GZipStream(file, CompressionMode.Decompress);
                gzip.CopyTo(buffer);
            }
            else
            {
                file.CopyTo(buffer);
            }
            return buffer.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw DatasetException.ForFile(path, $"corrupt gzip ({e.Message})");
        }
        catch (EndOfStreamException)
        {
            throw DatasetException.ForFile(path, "truncated gzip stream");
        }
        catch (UnauthorizedAccessException)
        {
            throw DatasetException.ForFile(path, "not readable by this user");
        }
    }
}
