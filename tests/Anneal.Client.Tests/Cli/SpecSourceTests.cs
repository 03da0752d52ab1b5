using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Contracts.Specs;
using Anneal.Vocabulary;

namespace Anneal.Client.Tests.Cli;

public sealed class SpecSourceTests
{
    private static SweepSpec Resolve(params string[] args)
    {
        var source = new SpecSource();
        var command = new RootCommand();
        source.AddTo(command);
        return source.Resolve(command.Parse(args));
    }

    [Fact]
    public void QuickPreset_OnFashionMnist_IsTheStudyScaledDown()
    {
        var spec = Resolve("--preset", "quick", "--dataset", "fashion-mnist");

        Assert.Equal(SweepPresets.Get(SweepPresets.Quick) with { Dataset = KnownDatasets.FashionMnist }, spec, SpecComparer.Instance);
        Assert.Equal(13, spec.Runs.Count);
        Assert.Equal(KnownDatasets.FashionMnist, spec.Dataset);
    }

    [Fact]
    public void DataFolder_IsPassedToTheSilosAsAnAbsolutePath()
    {
        var spec = Resolve("--preset", "quick", "--data", "relative/folder");

        Assert.Equal(Path.GetFullPath("relative/folder"), spec.DataDir);
    }

    [Fact]
    public void UnknownDataset_IsRefusedNamingTheField()
    {
        var error = Assert.Throws<CliException>(() => Resolve("--preset", "quick", "--dataset", "imagenet"));

        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
        Assert.Contains("dataset must be one of cifar10, fashion-mnist, synthetic, got 'imagenet'", error.Message);
    }

    [Fact]
    public void Seeds_ReplaceThePresetsSeeds_InTheOrderGiven()
    {
        var spec = Resolve("--preset", "quick", "--seeds", "2, 0,1");

        Assert.Equal([2, 0, 1], spec.Seeds);
        Assert.Equal(SweepPresets.Get(SweepPresets.Quick) with { Seeds = [2, 0, 1] }, spec, SpecComparer.Instance);
    }

    [Theory]
    [InlineData("", "got ''")]
    [InlineData("0,,1", "got ''")]
    [InlineData("0,-1", "seeds must not be negative, got -1")]
    [InlineData("0,1,0", "seeds must be distinct, 0 appears more than once")]
    [InlineData("0,1.5", "got '1.5'")]
    [InlineData("zero", "got 'zero'")]
    [InlineData("99999999999", "got '99999999999'")]
    public void BadSeeds_AreRefusedNamingTheOption(string seeds, string problem)
    {
        var error = Assert.Throws<CliException>(() => Resolve("--preset", "quick", "--seeds", seeds));

        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
        Assert.StartsWith("--seeds ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    /// <summary>Records with list members compare lists by reference; specs are equal when their JSON is.</summary>
    private sealed class SpecComparer : IEqualityComparer<SweepSpec>
    {
        public static readonly SpecComparer Instance = new();
        public bool Equals(SweepSpec? x, SweepSpec? y) => SweepSpecJson.Write(x!) == SweepSpecJson.Write(y!);
        public int GetHashCode(SweepSpec obj) => SweepSpecJson.Write(obj).GetHashCode();
    }
}
