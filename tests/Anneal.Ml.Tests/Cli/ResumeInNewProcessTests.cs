using Anneal.Client;
using Anneal.Ml.Devices;
using Anneal.Ml.Variants;

namespace Anneal.Ml.Tests.Cli;

/// <summary>
/// `anneal train --stop-at` then `anneal train --resume` in a new process writes the same curve.csv, every row, as one
/// uninterrupted run: for every variant, at 1 and 2 threads, over 30 steps after the checkpoint. The resume does not
/// repeat --threads: the checkpoint says what it was trained with.
/// </summary>
public sealed class ResumeInNewProcessTests
{
    private const int StopAt = 5;
    private const int Steps = StopAt + 30;

    public static TheoryData<string, int> VariantsAndThreads()
    {
        var data = new TheoryData<string, int>();
        foreach (var variant in VariantCatalog.All)
        {
            data.Add(variant.Name, 1);
            data.Add(variant.Name, 2);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(VariantsAndThreads))]
    public void ResumedInANewProcess_EveryCurveRowEqualsTheUninterruptedRun(string variant, int threads)
    {
        using var temp = new TemporaryDirectory();
        string[] train = ["train", "--variant", variant, "--steps", $"{Steps}", "--dataset", "synthetic", "--seed", "7", "--batch", "8",
            "--threads", $"{threads}", "--eval-every", "10", "--eval-batches", "1", "--json"];
        Assert.Equal(ExitCodes.Success, AnnealProcess.Run(temp.Path, [.. train, "--out", "whole"]).ExitCode);
        Assert.Equal(ExitCodes.Success, AnnealProcess.Run(temp.Path, [.. train, "--out", "parts", "--stop-at", $"{StopAt}"]).ExitCode);

        var resumed = AnnealProcess.Run(temp.Path, "train", "--resume", "parts", "--json");

        Assert.Equal(ExitCodes.Success, resumed.ExitCode);
        Assert.Contains(ComputeDevice.ThreadCount(threads), resumed.Error);
        var whole = File.ReadAllLines(temp.File("whole/curve.csv"));
        var parts = File.ReadAllLines(temp.File("parts/curve.csv"));
        Assert.Equal(Steps + 1, whole.Length);
        for (var row = 0; row < whole.Length; row++)
        {
            Assert.True(whole[row] == parts[row], $"curve row {row} differs: uninterrupted '{whole[row]}', resumed '{parts[row]}'");
        }
        Assert.Equal(whole.Length, parts.Length);
    }
}
