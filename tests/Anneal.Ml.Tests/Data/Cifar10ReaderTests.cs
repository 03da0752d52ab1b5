using Anneal.Ml.Data;

namespace Anneal.Ml.Tests.Data;

public sealed class Cifar10ReaderTests
{
    [Fact]
    public void ReadsFiveTrainFilesAndTheTestFile_InRecordOrder()
    {
        using var temp = new TemporaryDirectory();
        var dir = CifarFiles.WriteBatches(temp.Path, recordsPerFile: 4);

        var splits = Cifar10Reader.Read(dir, recordsPerFile: 4);

        Assert.Equal(20, splits.Train.Count);
        Assert.Equal(4, splits.Test.Count);
        Assert.Equal(3, splits.Train.Channels);
        // Train record 6 is file 1 (data_batch_2), record 2: label (1 + 2) % 10, pixels 2.
        Assert.Equal(3, splits.Train.Labels[6]);
        Assert.Equal(2, splits.Train.Pixels[6 * 3072 + 1500]);
        Assert.Equal(5, splits.Test.Labels[0]);
    }

    [Fact]
    public void FindsTheBatchesFolder_FromItsParentOrItself()
    {
        using var temp = new TemporaryDirectory();
        var dir = CifarFiles.WriteBatches(temp.Path, recordsPerFile: 1);
        Assert.Equal(dir, Cifar10Reader.FindBatches(temp.Path));
        Assert.Equal(dir, Cifar10Reader.FindBatches(dir));
        Assert.Null(Cifar10Reader.FindBatches(Path.Combine(temp.Path, "elsewhere")));
    }

    [Fact]
    public void TruncatedFile_IsNamedWithItsSize()
    {
        using var temp = new TemporaryDirectory();
        var dir = CifarFiles.WriteBatches(temp.Path, recordsPerFile: 2);
        var file = Path.Combine(dir, "data_batch_3.bin");
        using (var stream = File.OpenWrite(file))
        {
            stream.SetLength(3073 + 100);
        }

        var error = Assert.Throws<DatasetException>(() => Cifar10Reader.Read(dir, recordsPerFile: 2));

        Assert.Contains(file, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void RealSizedFileMissingOneByte_IsTruncated()
    {
        using var temp = new TemporaryDirectory();
        var dir = CifarFiles.WriteBatches(temp.Path, recordsPerFile: 1);
        var file = Path.Combine(dir, Cifar10Reader.TrainFiles[0]);
        using (var stream = File.OpenWrite(file))
        {
            stream.SetLength(30_730_000 - 1);
        }

        var error = Assert.Throws<DatasetException>(() => Cifar10Reader.Read(dir));

        Assert.Contains("truncated: 30,729,999 bytes", error.Message);
        Assert.Contains("30,730,000", error.Message);
    }

    [Fact]
    public void LabelAboveNine_IsReportedAsMislabelled()
    {
        using var temp = new TemporaryDirectory();
        var dir = CifarFiles.WriteBatches(temp.Path, recordsPerFile: 3);
        var file = Path.Combine(dir, Cifar10Reader.TestFile);
        var content = File.ReadAllBytes(file);
        content[2 * Cifar10Reader.RecordBytes] = 17;
        File.WriteAllBytes(file, content);

        var error = Assert.Throws<DatasetException>(() => Cifar10Reader.Read(dir, recordsPerFile: 3));

        Assert.Equal($"{file}: mislabelled: record 2 has label 17, CIFAR-10 labels are 0-9", error.Message);
    }

    [Fact]
    public void CatalogWithDataDirWithoutCifar_SaysWhereItLooked()
    {
        using var temp = new TemporaryDirectory();
        var error = Assert.Throws<DatasetException>(() => DatasetCatalog.Load(DatasetCatalog.Cifar10, temp.Path));
        Assert.Contains(temp.Path, error.Message);
    }
}
