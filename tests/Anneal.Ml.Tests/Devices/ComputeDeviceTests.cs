using Anneal.Ml.Devices;

namespace Anneal.Ml.Tests.Devices;

public sealed class ComputeDeviceTests
{
    [Fact]
    public void Auto_PicksCpuWithoutCuda_InOneLogLine_AndNamesMklsKernelPathInASecond()
    {
        var lines = new List<string>();
        var device = ComputeDevice.Select("auto", 1, lines.Add);
        Assert.Equal("cpu", device.Name);
        Assert.Equal(1, device.Threads);
        Assert.Equal(2, lines.Count);
        Assert.Contains("CUDA not available", lines[0]);
        Assert.StartsWith($"Kernels: {MklKernels.Active.Name} (", lines[1]);
    }

    [Fact]
    public void CudaRequestedWithoutCuda_FallsBackToCpu_AndSaysWhy()
    {
        var lines = new List<string>();
        var device = ComputeDevice.Select("cuda", 2, lines.Add);
        Assert.Equal("cpu", device.Name);
        Assert.Contains("cuda was requested", lines[0]);
        Assert.StartsWith("Kernels: ", lines[1]);
    }

    [Theory]
    [InlineData("tpu", 1)]
    [InlineData("cpu", 0)]
    public void BadRequests_AreRejected(string name, int threads) =>
        Assert.Throws<ArgumentException>(() => ComputeDevice.Select(name, threads, _ => { }));
}
