using System.Text.Json;
using Anneal.Client;
using Anneal.Ml.Devices;

namespace Anneal.Ml.Tests.Cli;

/// <summary>MKL's kernel path: reported by `anneal info`, recorded in run.json and checkpoints, never mixed on resume.</summary>
public sealed class KernelPathTests
{
    private static readonly string[] Quick = ["--dataset", "synthetic", "--batch", "8", "--threads", "1", "--eval-batches", "1"];
    private static readonly Dictionary<string, string> DefaultPath = new() { [MklKernels.SwitchVariable] = "0" };
    private static readonly Dictionary<string, string> Automatic = new() { [MklKernels.SwitchVariable] = "1" };

    [Fact]
    public void Info_SaysWhichKernelPathIsActive_AndTheSwitchTurnsAvx512Off()
    {
        using var temp = new TemporaryDirectory();

        var off = Kernels(DefaultPath, temp.Path);
        var automatic = Kernels(Automatic, temp.Path);

        Assert.Equal(MklKernels.Default, off);
        // This test process chose its path by the same rule from the same CPU.
        Assert.Equal(MklKernels.Active.Name, automatic);
        if (System.Runtime.Intrinsics.X86.Avx512F.IsSupported)
        {
            Assert.Equal(MklKernels.Avx512, automatic);
        }
    }

    [Fact]
    public void Train_RecordsThreadsAndKernelPathInRunJson()
    {
        using var temp = new TemporaryDirectory();

        var run = AnnealProcess.RunWith(DefaultPath, temp.Path, ["train", "--variant", "constant", "--steps", "2", "--out", "r", .. Quick]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var spec = JsonDocument.Parse(File.ReadAllText(temp.File("r/run.json")));
        Assert.Equal(1, spec.RootElement.GetProperty("threads").GetInt32());
        Assert.Equal(MklKernels.Default, spec.RootElement.GetProperty("kernels").GetString());
    }

    [Fact]
    public void Resume_OnAnotherKernelPath_IsRefused_AndOnTheSamePathContinues()
    {
        using var temp = new TemporaryDirectory();
        Assert.Equal(ExitCodes.Success, AnnealProcess.RunWith(DefaultPath, temp.Path,
            ["train", "--variant", "ema-0.999", "--steps", "4", "--stop-at", "2", "--out", "r", .. Quick]).ExitCode);
        var automatic = Kernels(Automatic, temp.Path);

        var resumed = AnnealProcess.RunWith(Automatic, temp.Path, "train", "--resume", "r", "--threads", "1");

        if (automatic == MklKernels.Default)
        {
            // No AVX-512 here: both processes train on MKL's default path, so the resume is the same path's.
            Assert.Equal(ExitCodes.Success, resumed.ExitCode);
            return;
        }
        Assert.Equal(ExitCodes.CheckpointError, resumed.ExitCode);
        Assert.Contains($"checkpoint was written on MKL kernel path {MklKernels.Default} but this process trains on {automatic}", Assert.Single(resumed.ErrorLines));
        Assert.Equal(3, File.ReadAllLines(temp.File("r/curve.csv")).Length); // header and the two steps before the stop: nothing appended

        var onTheSamePath = AnnealProcess.RunWith(DefaultPath, temp.Path, "train", "--resume", "r", "--threads", "1");

        Assert.Equal(ExitCodes.Success, onTheSamePath.ExitCode);
        Assert.Equal(5, File.ReadAllLines(temp.File("r/curve.csv")).Length);
    }

    private static string Kernels(Dictionary<string, string> environment, string folder)
    {
        var info = AnnealProcess.RunWith(environment, folder, "info", "--json");
        Assert.Equal(ExitCodes.Success, info.ExitCode);
        using var json = JsonDocument.Parse(info.Out);
        return json.RootElement.GetProperty("kernels").GetString()!;
    }
}
