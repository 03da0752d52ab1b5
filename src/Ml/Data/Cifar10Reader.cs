namespace Anneal.Ml.Data;

/// <summary>
/// Reads CIFAR-10's binary version: <c>data_batch_{1..5}.bin</c> and <c>test_batch.bin</c>, each record one label
/// byte followed by 3072 pixel bytes (1024 red, 1024 green, 1024 blue, row-major: already NCHW).
/// </summary>
public static class Cifar10Reader
{
    public const string BatchesFolder = "cifar-10-batches-bin";
    public const int RecordsPerFile = 10_000;
    public const int ImageBytes = 3 * 32 * 32;
    public const int RecordBytes = 1 + ImageBytes;
    public const int Classes = 10;
    public static readonly IReadOnlyList<string> TrainFiles = [.. Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin")];
    public const string TestFile = "test_batch.bin";

    /// <summary>The folder holding the batch files: <paramref name="dataDir"/> itself or its <c>cifar-10-batches-bin</c>.</summary>
    public static string? FindBatches(string dataDir)
    {
        foreach (var candidate in new[] { Path.Combine(dataDir, BatchesFolder), dataDir })
        {
            if (File.Exists(Path.Combine(candidate, TestFile)))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>Checks that the six batch files are there, readable and of the right length, without reading them.</summary>
    /// <exception cref="DatasetException">A file missing, unreadable or of the wrong length.</exception>
    public static void CheckFiles(string batchesDir)
    {
        foreach (var path in TrainFiles.Append(TestFile).Select(f => Path.Combine(batchesDir, f)))
        {
            if (!File.Exists(path)) throw DatasetException.ForFile(path, "missing");
            try
            {
                using var file = File.OpenRead(path);
                if (file.Length != (long)RecordsPerFile * RecordBytes)
                    throw DatasetException.ForFile(path, $"{file.Length:N0} bytes, a CIFAR-10 batch file has exactly {(long)RecordsPerFile * RecordBytes:N0}");
            }
            catch (UnauthorizedAccessException)
            {
                throw DatasetException.ForFile(path, "not readable by this user");
            }
        }
    }

    /// <param name="batchesDir">A folder with the six batch files.</param>
    /// <param name="recordsPerFile">10,000 in the real files; tests use small files of the same format.</param>
    /// <param name="chunkRead">Called on this thread each time another chunk of a file has been read (<see cref="ChunkProgressStream"/>).</param>
    public static DatasetSplits Read(string batchesDir, int recordsPerFile = RecordsPerFile, Action? chunkRead = null)
    {
        var train = ReadFiles(batchesDir, TrainFiles, recordsPerFile, "cifar10-train", chunkRead);
        var test = ReadFiles(batchesDir, [TestFile], recordsPerFile, "cifar10-test", chunkRead);
        return new DatasetSplits(train, test);
    }

    private static InMemoryImageDataset ReadFiles(string dir, IReadOnlyList<string> files, int recordsPerFile, string name, Action? chunkRead)
    {
        var count = files.Count * recordsPerFile;
        var pixels = new byte[(long)count * ImageBytes];
        var labels = new byte[count];
        for (var f = 0; f < files.Count; f++)
        {
            ReadFile(Path.Combine(dir, files[f]), recordsPerFile, f * recordsPerFile, pixels, labels, chunkRead);
        }
        return new InMemoryImageDataset(name, 3, Classes, pixels, labels);
    }

    private static void ReadFile(string path, int records, int firstRecord, byte[] pixels, byte[] labels, Action? chunkRead)
    {
        if (!File.Exists(path))
        {
            throw DatasetException.ForFile(path, "missing");
        }
        var expected = (long)records * RecordBytes;
        var actual = new FileInfo(path).Length;
        if (actual != expected)
        {
            var what = actual < expected ? "truncated" : "too long";
            throw DatasetException.ForFile(path, $"{what}: {actual:N0} bytes, a CIFAR-10 batch file has exactly {expected:N0} ({records:N0} records of {RecordBytes:N0})");
        }
        var content = new byte[expected];
        using (var file = new ChunkProgressStream(File.OpenRead(path), chunkRead ?? (() => { })))
        {
            file.ReadExactly(content);
        }
        for (var r = 0; r < records; r++)
        {
            var label = content[(long)r * RecordBytes];
            if (label >= Classes)
            {
                throw DatasetException.ForFile(path, $"mislabelled: record {r:N0} has label {label}, CIFAR-10 labels are 0-9");
            }
            labels[firstRecord + r] = label;
            Array.Copy(content, (long)r * RecordBytes + 1, pixels, (long)(firstRecord + r) * ImageBytes, ImageBytes);
        }
    }
}
