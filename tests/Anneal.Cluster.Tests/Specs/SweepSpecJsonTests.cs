using Anneal.Contracts.Specs;
using Anneal.Vocabulary;

namespace Anneal.Cluster.Tests.Specs;

public sealed class SweepSpecJsonTests
{
    private const string IssueExample =
        """{"name": "demo", "dataset": "synthetic", "batchSize": 32, "lr": 0.001, "seeds": [0], "checkpointEvery": 50, "evalEvery": 100, "runs": [{"variant": "linear", "steps": 200}, {"variant": "ema-0.999", "steps": 200}]}""";

    [Fact]
    public void IssueExample_IsRead()
    {
        var spec = SweepSpecJson.Read(IssueExample);

        Assert.Equal("demo", spec.Name);
        Assert.Equal("synthetic", spec.Dataset);
        Assert.Equal(32, spec.BatchSize);
        Assert.Equal(0.001, spec.LearningRate);
        Assert.Equal([0], spec.Seeds);
        Assert.Equal(50, spec.CheckpointEvery);
        Assert.Equal(100, spec.EvalEvery);
        Assert.Equal(["linear", "ema-0.999"], spec.Runs.Select(r => r.Variant));
        Assert.All(spec.Runs, r => Assert.Equal(200, r.Steps));
    }

    [Fact]
    public void OmittedFields_TakeTheDefaults()
    {
        var spec = SweepSpecJson.Read("""{"runs": [{"variant": "cosine", "steps": 10}]}""");

        var defaults = new SweepSpec();
        Assert.Equal(defaults.Name, spec.Name);
        Assert.Equal(defaults.Dataset, spec.Dataset);
        Assert.Equal(128, spec.BatchSize);
        Assert.Equal(1e-3, spec.LearningRate);
        Assert.Equal([0], spec.Seeds);
        Assert.Equal(defaults.ProgressEvery, spec.ProgressEvery);
        Assert.Equal(defaults.CheckpointEvery, spec.CheckpointEvery);
        Assert.Equal(SweepSpec.DefaultPool, spec.Pool);
        Assert.Empty(spec.Runs[0].Overrides);
    }

    [Fact]
    public void WrittenSpec_ReadsBackTheSame()
    {
        var spec = SweepPresets.Get(SweepPresets.Quick);

        var back = SweepSpecJson.Read(SweepSpecJson.Write(spec));

        Assert.Equal(SweepSpecJson.Write(spec), SweepSpecJson.Write(back));
        Assert.Equal(spec.Runs[9].Overrides[KnownSettings.EmaRate.Name], back.Runs[9].Overrides[KnownSettings.EmaRate.Name]);
    }

    [Fact]
    public void MisspeltField_IsRefusedByName()
    {
        var error = Assert.Throws<SweepSpecException>(() => SweepSpecJson.Read("""{"batchsize": 32, "runs": [{"variant": "linear", "steps": 5}]}"""));

        Assert.Contains("batchsize", Assert.Single(error.Errors));
    }

    [Fact]
    public void WrongType_NamesTheField()
    {
        var error = Assert.Throws<SweepSpecException>(() => SweepSpecJson.Read("""{"runs": [{"variant": "linear", "steps": "many"}]}"""));

        Assert.StartsWith("runs[0].steps could not be read", Assert.Single(error.Errors));
    }

    [Fact]
    public void NotJson_SaysSo()
    {
        var error = Assert.Throws<SweepSpecException>(() => SweepSpecJson.Read("name: demo"));

        Assert.StartsWith("the spec is not valid JSON", Assert.Single(error.Errors));
    }

    [Fact]
    public void InvalidValues_AreAllReportedAtOnce()
    {
        var error = Assert.Throws<SweepSpecException>(() => SweepSpecJson.Read(
            """{"lr": -1, "seeds": [], "runs": [{"variant": "linear", "steps": 5}, {"variant": "linear", "steps": 5}, {"variant": "linear", "steps": 5}, {"variant": "linear", "steps": -5}]}"""));

        Assert.Equal(
            ["lr must be a positive number, got -1", "seeds must list at least one seed", "runs[3].steps must be positive, got -5"],
            error.Errors);
    }

    [Fact]
    public void LrAndLrsBothAtSweepLevel_AreRefusedNamingBoth()
    {
        var error = Assert.Throws<SweepSpecException>(() => SweepSpecJson.Read(
            """{"lr": 0.001, "lrs": [0.0003, 0.003], "runs": [{"variant": "linear", "steps": 5}]}"""));

        Assert.Equal("lr and lrs are both given: lrs replaces lr, give one", Assert.Single(error.Errors));
    }

    [Fact]
    public void LearningRateFields_AreReadAndWrittenBack()
    {
        var spec = SweepSpecJson.Read(
            """{"lrs": [0.0003, 0.003], "minEffect": 0.002, "runs": [{"variant": "linear", "steps": 5, "lr": 0.01, "overrides": {"beta2": 0.99, "eps": 1e-8}}]}""");

        Assert.Equal([3e-4, 3e-3], spec.LearningRates);
        Assert.Equal(0.002, spec.MinEffect);
        Assert.Equal(0.01, spec.Runs[0].LearningRate);
        Assert.Equal(0.99, spec.Runs[0].Overrides["beta2"]);
        // Under a grid the sweep's lr is not written, so the written file reads back.
        var written = SweepSpecJson.Write(spec);
        Assert.DoesNotContain("\"lr\": 0.001", written);
        Assert.Equal(written, SweepSpecJson.Write(SweepSpecJson.Read(written)));
    }

    [Fact]
    public void FieldsNotGiven_AreNotWritten()
    {
        var written = SweepSpecJson.Write(new SweepSpec { Runs = [new RunSpec { Variant = "linear", Steps = 5 }] });

        Assert.Contains("\"lr\": 0.001", written);
        Assert.DoesNotContain("lrs", written);
        Assert.DoesNotContain("minEffect", written);
    }
}
