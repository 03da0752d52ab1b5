using Anneal.Ml.Training;

namespace Anneal.Ml.Tests.Training;

public sealed class DurableFileTests
{
    [Fact]
    public void Write_ReplacesTheFile_AndAFailedWriteKeepsTheOldOne_WithNoTemporaryLeft()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File("checkpoint.bin");
        DurableFile.Write(path, stream => stream.Write([1, 2, 3]));
        DurableFile.Write(path, stream => stream.Write([4, 5]));

        Assert.Throws<IOException>(() => DurableFile.Write(path, stream =>
        {
            stream.Write([9, 9, 9, 9]);
            throw new IOException("disk full");
        }));

        Assert.Equal(new byte[] { 4, 5 }, File.ReadAllBytes(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(temp.Path));
    }
}
