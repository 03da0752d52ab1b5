using Anneal.Ml.Data;
using Anneal.Ml.Devices;
using Anneal.Ml.Training;

namespace Anneal.Ml.Tests.Training;

public sealed class TrainerTests
{
    // Small enough to keep each run well under a second on two shared cores.
    private static readonly DatasetSplits Data = SyntheticDataset.Create(256, 64, channels: 3, seed: 1);
    private static readonly ComputeDevice Cpu = new(ComputeDevice.Cpu, 2);

    [Theory]
    [InlineData("constant")]
    [InlineData("cosine")]
    [InlineData("ema-0.999")]
    [InlineData("polyak")]
    [InlineData("sf-ema")]
    [InlineData("sf-adamw")]
    public void ResumedRun_MatchesUninterruptedRun_BitForBit(string variant)
    {
        var options = Options(variant, steps: 6);
        List<float> uninterrupted;
        EvaluationResult? uninterruptedFinal;
        using (var trainer = new Trainer(options, Data, Cpu))
        {
            var observer = new RecordingObserver();
            uninterruptedFinal = trainer.Run(observer).FinalEvaluation;
            uninterrupted = [.. observer.Losses];
        }

        var checkpoint = new MemoryStream();
        var firstHalf = new RecordingObserver();
        using (var trainer = new Trainer(options, Data, Cpu))
        {
            Assert.Equal(TrainingStatus.Stopped, trainer.Run(firstHalf, stopAt: 3).Status);
            trainer.SaveCheckpoint(checkpoint);
        }
        var secondHalf = new RecordingObserver();
        TrainingOutcome resumed;
        using (var trainer = new Trainer(options, Data, Cpu))
        {
            checkpoint.Position = 0;
            trainer.LoadCheckpoint(checkpoint);
            Assert.Equal(3, trainer.Step);
            resumed = trainer.Run(secondHalf);
        }

        Assert.Equal(TrainingStatus.Completed, resumed.Status);
        Assert.Equal(uninterrupted, firstHalf.Losses.Concat(secondHalf.Losses)); // exact float equality
        Assert.Equal(uninterruptedFinal, resumed.FinalEvaluation);
    }

    [Fact]
    public void SameSeed_GivesTheSameLosses_AnotherSeedDoesNot()
    {
        float[] Losses(int seed)
        {
            using var trainer = new Trainer(Options("constant", steps: 3) with { Seed = seed }, Data, Cpu);
            var observer = new RecordingObserver();
            trainer.Run(observer);
            return [.. observer.Losses];
        }
        Assert.Equal(Losses(5), Losses(5));
        Assert.NotEqual(Losses(5), Losses(6));
    }

    [Fact]
    public void Training_LowersTheTestLossOnLearnableData()
    {
        using var trainer = new Trainer(Options("constant", steps: 40) with { BatchSize = 16, EvalEvery = 40 }, Data, Cpu);
        var before = trainer.Evaluate();
        var outcome = trainer.Run(new RecordingObserver());
        Assert.True(outcome.FinalEvaluation!.Loss < before.Loss - 0.3, $"test loss {before.Loss} -> {outcome.FinalEvaluation.Loss}");
    }

    [Fact]
    public void NonFiniteLoss_EndsTheRunAsFailed_WithTheStep()
    {
        // lr 1e30: Adam moves every weight by ~1e30 in the first step, so the second step's logits overflow.
        using var trainer = new Trainer(Options("constant", steps: 5) with { LearningRate = 1e30 }, Data, Cpu);
        var outcome = trainer.Run(new RecordingObserver());
        Assert.Equal(TrainingStatus.Failed, outcome.Status);
        Assert.Equal(2, outcome.Step);
        Assert.Contains("non-finite loss at step 2", outcome.FailureReason);
        Assert.Null(outcome.FinalEvaluation);
    }

    [Fact]
    public void Observer_GetsProgressEveryN_EvaluationsEveryM_AndCheckpointsWhenDue()
    {
        var options = Options("ema-0.999", steps: 6) with { ProgressEvery = 4, EvalEvery = 2, CheckpointEvery = 3 };
        using var trainer = new Trainer(options, Data, Cpu);
        var observer = new RecordingObserver();
        trainer.Run(observer);

        Assert.Equal([1, 5], observer.Reports.Select(r => r.FirstStep));
        Assert.Equal([4, 2], observer.Reports.Select(r => r.Losses.Count));
        Assert.Equal([2, 4, 6], observer.Evaluations.Select(e => e.Step));
        Assert.Equal([3, 6], observer.CheckpointsDue);
        Assert.Equal(["evaluation 2", "evaluation 4", "progress 4", "evaluation 6", "progress 6"], observer.Order);
    }

    [Fact]
    public void Checkpoint_RefusesToLoadIntoADifferentRun()
    {
        var checkpoint = new MemoryStream();
        using (var trainer = new Trainer(Options("constant", steps: 4), Data, Cpu))
        {
            trainer.Run(new RecordingObserver(), stopAt: 1);
            trainer.SaveCheckpoint(checkpoint);
        }
        using var other = new Trainer(Options("cosine", steps: 4), Data, Cpu);
        checkpoint.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => other.LoadCheckpoint(checkpoint));
        Assert.Contains("variant=constant", error.Message);
    }

    [Fact]
    public void TruncatedCheckpoint_IsReported_AndLeavesTheTrainerAsItWas()
    {
        var options = Options("ema-0.999", steps: 4);
        var checkpoint = new MemoryStream();
        using (var donor = new Trainer(options, Data, Cpu))
        {
            donor.Run(new RecordingObserver(), stopAt: 2);
            donor.SaveCheckpoint(checkpoint);
        }
        var truncated = new MemoryStream(checkpoint.ToArray()[..(int)(checkpoint.Length * 3 / 4)]);
        List<float> expected;
        using (var fresh = new Trainer(options, Data, Cpu))
        {
            var observer = new RecordingObserver();
            fresh.Run(observer);
            expected = [.. observer.Losses];
        }

        using var trainer = new Trainer(options, Data, Cpu);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => trainer.LoadCheckpoint(truncated)).Message);
        var after = new RecordingObserver();
        trainer.Run(after);

        Assert.Equal(expected, after.Losses);
    }

    [Fact]
    public void Checkpoint_RecordsItsThreadCount_AndTrainingStartResumesFromIt()
    {
        var options = Options("sf-ema", steps: 4);
        byte[] checkpoint;
        using (var trainer = TrainingStart.Open(options, Data, Cpu, checkpoint: null, _ => { }))
        {
            trainer.Run(new RecordingObserver(), stopAt: 2);
            var buffer = new MemoryStream();
            trainer.SaveCheckpoint(buffer);
            checkpoint = buffer.ToArray();
        }

        var log = new List<string>();
        using var resumed = TrainingStart.Open(options, Data, Cpu, checkpoint, log.Add);

        Assert.Equal(Cpu.Threads, TrainingStart.ThreadsOf(checkpoint));
        Assert.Equal(2, resumed.Step);
        Assert.DoesNotContain(log, line => line.Contains("trained with", StringComparison.Ordinal));
        Assert.Throws<InvalidDataException>(() => TrainingStart.ThreadsOf([1, 2, 3]));
    }

    [Fact]
    public void InvalidOptions_AreRejectedBeforeTraining()
    {
        Assert.Throws<ArgumentException>(() => new Trainer(Options("nonesuch", 4), Data, Cpu));
        Assert.Throws<ArgumentException>(() => new Trainer(Options("constant", 0), Data, Cpu));
        Assert.Throws<ArgumentException>(() => new Trainer(Options("constant", 4) with { LearningRate = double.NaN }, Data, Cpu));
    }

    private static TrainingOptions Options(string variant, int steps) => new()
    {
        Variant = variant,
        Steps = steps,
        BatchSize = 8,
        EvalBatches = 1,
        ProgressEvery = 2,
    };
}
