using Anneal.Ml.Data;

namespace Anneal.Ml.Tests.Data;

public sealed class ChunkProgressStreamTests
{
    [Fact]
    public void BeatsOncePerChunkRead_AndOnceAtTheEnd_WhateverTheReadSizes()
    {
        var positions = new List<long>();
        var inner = new MemoryStream(new byte[25]);
        using var stream = new ChunkProgressStream(inner, () => positions.Add(inner.Position), chunkBytes: 10);

        var buffer = new byte[4];
        var total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0) total += read;

        Assert.Equal(25, total);
        // Reads of 4 complete the first chunk at byte 12 and the second at 20; the partial third ends with the stream.
        Assert.Equal([12L, 20L, 25L], positions);
    }

    [Fact]
    public void OneReadThatCompletesSeveralChunks_BeatsForEach()
    {
        var beats = 0;
        using var stream = new ChunkProgressStream(new MemoryStream(new byte[30]), () => beats++, chunkBytes: 10);

        stream.ReadExactly(new byte[30]);

        Assert.Equal(3, beats);
    }

    [Fact]
    public void AnEmptyRead_IsNotTheEnd()
    {
        var beats = 0;
        using var stream = new ChunkProgressStream(new MemoryStream(new byte[5]), () => beats++, chunkBytes: 10);

        Assert.Equal(0, stream.Read([]));

        Assert.Equal(0, beats);
    }

    [Fact]
    public void FashionMnist_BeatsAsItsFilesAreRead()
    {
        var beats = 0;

        var splits = FashionMnistReader.Read(DatasetCatalog.EmbeddedFashionMnistDir, () => beats++);

        // The subset's four gzipped files hold about 6 MiB: five whole chunks and one end per file.
        var bytes = Directory.GetFiles(DatasetCatalog.EmbeddedFashionMnistDir, "*.gz").Sum(f => new FileInfo(f).Length);
        Assert.True(splits.Train.Count > 0);
        Assert.InRange(beats, bytes / ChunkProgressStream.DefaultChunkBytes, bytes / ChunkProgressStream.DefaultChunkBytes + 4);
    }
}
