using System.Text.Json;
using Anneal.Client;

namespace Anneal.Ml.Tests.Cli;

public sealed class CliTests
{
    private static readonly string[] Quick = ["--dataset", "synthetic", "--batch", "8", "--threads", "1", "--eval-batches", "1"];

    [Fact]
    public void Train_OnSynthetic_WritesCurveAndResult_AndPrintsJson()
    {
        using var temp = new TemporaryDirectory();
        var run = AnnealProcess.Run(temp.Path, ["train", "--variant", "cosine", "--steps", "4", "--out", "run", "--eval-every", "2", "--json", .. Quick]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("completed", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("step").GetInt32());
        Assert.Equal(556_042, json.RootElement.GetProperty("parameters").GetInt64());
        var curve = File.ReadAllLines(temp.File("run/curve.csv"));
        Assert.Equal("step,loss,lr,val_loss,val_accuracy", curve[0]);
        Assert.Equal(["1", "2", "3", "4"], curve.Skip(1).Select(l => l.Split(',')[0]));
        Assert.NotEqual("", curve[2].Split(',')[3]); // evaluated at step 2
        Assert.Equal("", curve[1].Split(',')[3]);
        // Cosine's last step (0-based 3 of 4): 1e-3 * (1 + cos(3π/4)) / 2.
        Assert.Equal(1.4644660940672628e-4, double.Parse(curve[4].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.True(File.Exists(temp.File("run/result.json")));
    }

    [Theory]
    [InlineData("--lr", "0", "--lr must be a positive number, got 0")]
    [InlineData("--beta2", "1.5", "--beta2 must be in (0, 1), got 1.5")]
    [InlineData("--eps", "-1e-8", "--eps must be a positive number, got -1E-08")]
    public void BadAdamSettings_AreUsageErrors_NamingTheOption(string option, string value, string expected)
    {
        using var temp = new TemporaryDirectory();
        var run = AnnealProcess.Run(temp.Path, ["train", "--variant", "constant", "--steps", "2", "--out", "run", option, value, .. Quick]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal($"error: {expected}", run.Error.Trim());
        Assert.False(Directory.Exists(temp.File("run")));
    }

    [Fact]
    public void Beta2AndEps_AreSavedAsTheRunsOverrides_AndChangeTheTraining()
    {
        using var temp = new TemporaryDirectory();
        string[] train = ["train", "--variant", "constant", "--steps", "3", "--json", .. Quick];
        Assert.Equal(ExitCodes.Success, AnnealProcess.Run(temp.Path, [.. train, "--out", "default"]).ExitCode);
        Assert.Equal(ExitCodes.Success, AnnealProcess.Run(temp.Path, [.. train, "--out", "tuned", "--beta2", "0.5", "--eps", "0.1"]).ExitCode);

        using var saved = JsonDocument.Parse(File.ReadAllText(temp.File("tuned/run.json")));
        var overrides = saved.RootElement.GetProperty("overrides");
        Assert.Equal(0.5, overrides.GetProperty("beta2").GetDouble());
        Assert.Equal(0.1, overrides.GetProperty("eps").GetDouble());
        // Same seed and batches: only the optimizer's settings differ, so the losses after the first step do.
        Assert.NotEqual(File.ReadAllLines(temp.File("default/curve.csv"))[3], File.ReadAllLines(temp.File("tuned/curve.csv"))[3]);
    }

    [Fact]
    public void StopAtThenResume_WritesTheSameCurveAsOneUninterruptedRun()
    {
        using var temp = new TemporaryDirectory();
        string[] train = ["train", "--variant", "ema-0.999", "--steps", "4", .. Quick];
        Assert.Equal(ExitCodes.Success, AnnealProcess.Run(temp.Path, [.. train, "--out", "whole"]).ExitCode);
        var stopped = AnnealProcess.Run(temp.Path, [.. train, "--out", "parts", "--stop-at", "2", "--json"]);
        Assert.Equal(ExitCodes.Success, stopped.ExitCode);
        Assert.Contains("\"stopped\"", stopped.Out);

        var resumed = AnnealProcess.Run(temp.Path, "train", "--resume", "parts", "--threads", "1", "--json");

        Assert.Equal(ExitCodes.Success, resumed.ExitCode);
        Assert.Equal(File.ReadAllLines(temp.File("whole/curve.csv")), File.ReadAllLines(temp.File("parts/curve.csv")));
    }

    [Fact]
    public void Resume_RefusesToChangeTheRunsSettings()
    {
        using var temp = new TemporaryDirectory();
        Assert.Equal(ExitCodes.Success, AnnealProcess.Run(temp.Path, ["train", "--variant", "constant", "--steps", "3", "--stop-at", "1", "--out", "r", .. Quick]).ExitCode);

        var run = AnnealProcess.Run(temp.Path, "train", "--resume", "r", "--lr", "0.5");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--lr cannot change on --resume", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void UnknownVariant_IsOneLineOnStderr_WithUsageExitCode()
    {
        using var temp = new TemporaryDirectory();
        var run = AnnealProcess.Run(temp.Path, "train", "--variant", "sgd-magic", "--steps", "3", "--dataset", "synthetic");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("sgd-magic", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void MissingCifar_IsOneLineNamingTheFolder_WithDataExitCode()
    {
        using var temp = new TemporaryDirectory();
        Directory.CreateDirectory(temp.File("empty"));
        var run = AnnealProcess.Run(temp.Path, "train", "--variant", "constant", "--steps", "3", "--dataset", "cifar10", "--data", "empty");

        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("CIFAR-10 not found in empty", line);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void CorruptDatasetFile_IsOneLineNamingTheFile()
    {
        using var temp = new TemporaryDirectory();
        var data = temp.File("fashion");
        Directory.CreateDirectory(data);
        foreach (var name in new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" })
        {
            File.WriteAllBytes(Path.Combine(data, name), [0, 0, 8]);
        }

        var run = AnnealProcess.Run(temp.Path, "train", "--variant", "constant", "--steps", "3", "--dataset", "fashion-mnist", "--data", data);

        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        Assert.Contains("labels-idx1-ubyte: truncated", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void DivergingRun_ExitsAsFailed_NamingTheStep()
    {
        using var temp = new TemporaryDirectory();
        var run = AnnealProcess.Run(temp.Path, ["train", "--variant", "constant", "--steps", "5", "--lr", "1e30", "--out", "boom", "--json", .. Quick]);

        Assert.Equal(ExitCodes.TrainingFailed, run.ExitCode);
        Assert.Contains("\"failed\"", run.Out);
        Assert.Contains("non-finite loss at step 2", run.Error);
    }

    [Fact]
    public void Info_ReportsParametersDeviceAndDatasets_AsJson()
    {
        using var temp = new TemporaryDirectory();
        var run = AnnealProcess.Run(temp.Path, "info", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(556_042, json.RootElement.GetProperty("parameters").GetInt64());
        Assert.Equal("cpu", json.RootElement.GetProperty("device").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("datasets").GetProperty("cifar10").ValueKind);
    }

    [Fact]
    public void Variants_ListsAllTwelve()
    {
        using var temp = new TemporaryDirectory();
        var run = AnnealProcess.Run(temp.Path, "variants", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(12, json.RootElement.GetArrayLength());
    }

    [Fact]
    public void Bench_PrintsTheMedianStepTime()
    {
        using var temp = new TemporaryDirectory();
        var run = AnnealProcess.Run(temp.Path, "bench", "--steps", "3", "--warmup", "1", "--batch", "8", "--threads", "1", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.True(json.RootElement.GetProperty("medianMs").GetDouble() > 0);
        Assert.Equal(3, json.RootElement.GetProperty("steps").GetInt32());
    }

    [Fact]
    public void BenchParts_TimesForwardBackwardAndTheAveragedVariantsSecondPass_AndTheirFloor()
    {
        using var temp = new TemporaryDirectory();
        var run = AnnealProcess.Run(temp.Path, "bench", "--parts", "--steps", "3", "--warmup", "1", "--batch", "8", "--threads", "1", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        var (forward, both, second) = (root.GetProperty("forwardMs").GetDouble(), root.GetProperty("forwardBackwardMs").GetDouble(), root.GetProperty("secondForwardMs").GetDouble());
        Assert.True(forward > 0 && second > 0 && both > 0, run.Out);
        Assert.Equal(both - forward, root.GetProperty("backwardMs").GetDouble(), 9);
        Assert.Equal(1 + second / both, root.GetProperty("averagedFloor").GetDouble(), 9);
        Assert.Equal(1, root.GetProperty("threads").GetInt32());
    }
}
