using System.Formats.Tar;
using System.IO.Compression;
using Anneal.Ml.Data;

namespace Anneal.Ml.Tests.Data;

/// <summary>Writes CIFAR-10 batch files in the real binary format, with few records, and archives them as the real tarball is laid out.</summary>
internal static class CifarFiles
{
    /// <summary>Record r of file f has label (f + r) % 10 and every pixel equal to its record index.</summary>
    public static string WriteBatches(string root, int recordsPerFile)
    {
        var dir = Path.Combine(root, Cifar10Reader.BatchesFolder);
        Directory.CreateDirectory(dir);
        foreach (var (file, index) in Cifar10Reader.TrainFiles.Append(Cifar10Reader.TestFile).Select((f, i) => (f, i)))
        {
            var content = new byte[recordsPerFile * Cifar10Reader.RecordBytes];
            for (var r = 0; r < recordsPerFile; r++)
            {
                content[r * Cifar10Reader.RecordBytes] = (byte)((index + r) % 10);
                content.AsSpan(r * Cifar10Reader.RecordBytes + 1, Cifar10Reader.ImageBytes).Fill((byte)r);
            }
            File.WriteAllBytes(Path.Combine(dir, file), content);
        }
        return dir;
    }

    public static void TarGz(string sourceRoot, string archive)
    {
        using var output = File.Create(archive);
        using var gzip = new GZipStream(output, CompressionLevel.Fastest);
        TarFile.CreateFromDirectory(sourceRoot, gzip, includeBaseDirectory: false);
    }
}
