using System.Buffers.Binary;
using System.IO.Compression;
using Anneal.Ml.Data;

namespace Anneal.Ml.Tests.Data;

public sealed class FashionMnistReaderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReadsIdxFiles_GzippedOrNot_PaddingTo32x32(bool gzip)
    {
        using var temp = new TemporaryDirectory();
        WriteSplit(temp.Path, "train", count: 3, gzip);
        WriteSplit(temp.Path, "t10k", count: 2, gzip);

        var splits = FashionMnistReader.Read(temp.Path);

        Assert.Equal(3, splits.Train.Count);
        Assert.Equal(1, splits.Train.Channels);
        Assert.Equal(3 * 32 * 32, splits.Train.Pixels.Length);
        Assert.Equal(2, splits.Train.Labels[2]);
        // Image 1 has every source pixel 101: the border of two pixels is black, the inside is the source.
        var image = splits.Train.Pixels.Slice(1024, 1024);
        Assert.Equal(0, image[0]);
        Assert.Equal(0, image[1 * 32 + 1]);
        Assert.Equal(101, image[2 * 32 + 2]);
        Assert.Equal(101, image[29 * 32 + 29]);
        Assert.Equal(0, image[30 * 32 + 30]);
    }

    [Fact]
    public void TruncatedImageFile_IsNamed()
    {
        using var temp = new TemporaryDirectory();
        WriteSplit(temp.Path, "train", count: 3, gzip: false);
        WriteSplit(temp.Path, "t10k", count: 2, gzip: false);
        var file = Path.Combine(temp.Path, "train-images-idx3-ubyte");
        var content = File.ReadAllBytes(file);
        File.WriteAllBytes(file, content[..^10]);

        var error = Assert.Throws<DatasetException>(() => FashionMnistReader.Read(temp.Path));

        Assert.StartsWith(file + ": truncated", error.Message);
    }

    [Fact]
    public void LabelFileWithImageMagic_IsRejected()
    {
        using var temp = new TemporaryDirectory();
        WriteSplit(temp.Path, "train", count: 1, gzip: false);
        WriteSplit(temp.Path, "t10k", count: 1, gzip: false);
        File.Copy(Path.Combine(temp.Path, "t10k-images-idx3-ubyte"), Path.Combine(temp.Path, "t10k-labels-idx1-ubyte"), overwrite: true);

        var error = Assert.Throws<DatasetException>(() => FashionMnistReader.Read(temp.Path));

        Assert.Contains("t10k-labels-idx1-ubyte: not an IDX file of the expected kind", error.Message);
    }

    [Fact]
    public void ImageAndLabelCountsThatDiffer_AreReported()
    {
        using var temp = new TemporaryDirectory();
        WriteSplit(temp.Path, "train", count: 3, gzip: false);
        WriteSplit(temp.Path, "t10k", count: 2, gzip: false);
        File.Copy(Path.Combine(temp.Path, "train-labels-idx1-ubyte"), Path.Combine(temp.Path, "t10k-labels-idx1-ubyte"), overwrite: true);

        var error = Assert.Throws<DatasetException>(() => FashionMnistReader.Read(temp.Path));

        Assert.Contains("2 images but the label file has 3 labels", error.Message);
    }

    [Fact]
    public void CorruptGzip_IsNamed()
    {
        using var temp = new TemporaryDirectory();
        WriteSplit(temp.Path, "train", count: 2, gzip: true);
        WriteSplit(temp.Path, "t10k", count: 2, gzip: true);
        var file = Path.Combine(temp.Path, "train-labels-idx1-ubyte.gz");
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..12]);

        var error = Assert.Throws<DatasetException>(() => FashionMnistReader.Read(temp.Path));

        Assert.StartsWith(file + ":", error.Message);
    }

    [Fact]
    public void DebiansPackagedFiles_LoadAsSixtyAndTenThousandImages()
    {
        Assert.True(FashionMnistReader.HasFiles(FashionMnistReader.DebianDir),
            $"dataset-fashion-mnist is expected in {FashionMnistReader.DebianDir} (apt-get install dataset-fashion-mnist)");

        var splits = DatasetCatalog.Load(DatasetCatalog.FashionMnist);

        Assert.Equal(60_000, splits.Train.Count);
        Assert.Equal(10_000, splits.Test.Count);
        Assert.All(Enumerable.Range(0, 10), c => Assert.Contains((byte)c, splits.Test.Labels.ToArray()));
    }

    [Fact]
    public void MissingFolder_SaysWhereItLooked()
    {
        using var temp = new TemporaryDirectory();
        var error = Assert.Throws<DatasetException>(() => DatasetCatalog.Load(DatasetCatalog.FashionMnist, temp.Path));
        Assert.Contains(temp.Path, error.Message);
        Assert.Contains("--data", error.Message);
    }

    /// <summary>Image i has all pixels 100 + i and label i % 10.</summary>
    private static void WriteSplit(string dir, string prefix, int count, bool gzip)
    {
        var images = new byte[16 + count * 784];
        BinaryPrimitives.WriteInt32BigEndian(images, 0x803);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(8), 28);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(12), 28);
        var labels = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(labels, 0x801);
        BinaryPrimitives.WriteInt32BigEndian(labels.AsSpan(4), count);
        for (var i = 0; i < count; i++)
        {
            images.AsSpan(16 + i * 784, 784).Fill((byte)(100 + i));
            labels[8 + i] = (byte)(i % 10);
        }
        Write(Path.Combine(dir, $"{prefix}-images-idx3-ubyte"), images, gzip);
        Write(Path.Combine(dir, $"{prefix}-labels-idx1-ubyte"), labels, gzip);
    }

    private static void Write(string path, byte[] content, bool gzip)
    {
        if (!gzip)
        {
            File.WriteAllBytes(path, content);
            return;
        }
        using var file = File.Create(path + ".gz");
        using var stream = new GZipStream(file, CompressionLevel.Fastest);
        stream.Write(content);
    }
}
