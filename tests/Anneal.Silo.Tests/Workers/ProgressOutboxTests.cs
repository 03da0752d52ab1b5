using Anneal.Contracts.Work;
using Anneal.Ml.Training;
using Anneal.Silo.Workers;

namespace Anneal.Silo.Tests.Workers;

public sealed class ProgressOutboxTests
{
    private static ProgressReport Steps(int first, int last) =>
        new(first, Enumerable.Range(first, last - first + 1).Select(s => 1f / s).ToArray(), 1e-3, 10);

    [Fact]
    public void ValidationPoint_StaysUntilTheGrainStoresItsStepDurably()
    {
        var outbox = new ProgressOutbox("run");
        outbox.Start(resumedStep: 0);
        outbox.Add(new EvaluationResult(10, 0.5, 0.8));
        outbox.Append(Steps(1, 10));
        Assert.Single(outbox.NextBatch().Evaluations);

        // Accepted into the grain's memory only: a grain that moves now loses it, so the worker keeps it.
        outbox.Acknowledge(new ProgressAck(LeaseVerdict.Accepted, NextStep: 11, DurableStep: 0));
        Assert.Single(outbox.PendingEvaluations);
        Assert.False(outbox.HasUnsent);

        outbox.Acknowledge(new ProgressAck(LeaseVerdict.Accepted, NextStep: 11, DurableStep: 10));
        Assert.Empty(outbox.PendingEvaluations);
    }

    [Fact]
    public void GrainThatLostProgress_GetsTheValidationPointAgain_WithItsLosses()
    {
        var outbox = new ProgressOutbox("run");
        outbox.Start(resumedStep: 0);
        outbox.Append(Steps(1, 10));
        outbox.Add(new EvaluationResult(15, 0.5, 0.8));
        outbox.Append(Steps(11, 20));
        outbox.Acknowledge(new ProgressAck(LeaseVerdict.Accepted, NextStep: 21, DurableStep: 0));

        // The grain moved to another silo and lost what it held in memory: it asks again from step 1.
        outbox.Acknowledge(new ProgressAck(LeaseVerdict.Accepted, NextStep: 1, DurableStep: 0));

        Assert.True(outbox.HasUnsent);
        var again = outbox.NextBatch();
        Assert.Equal(1, again.FirstStep);
        Assert.Equal(20, again.Losses.Count);
        Assert.Equal(15, Assert.Single(again.Evaluations).Step);
    }

    [Fact]
    public void ValidationPoint_IsNotSentBeforeTheLossOfItsStep()
    {
        var outbox = new ProgressOutbox("run");
        outbox.Start(resumedStep: 30);
        outbox.Append(Steps(31, 40));
        outbox.Add(new EvaluationResult(45, 0.5, 0.8));

        Assert.Empty(outbox.NextBatch().Evaluations);
        outbox.Append(Steps(41, 45));
        Assert.Equal(45, Assert.Single(outbox.NextBatch().Evaluations).Step);
    }

    [Fact]
    public void DurableLosses_AreDropped_AndAskingForThemAgainFailsTheAttempt()
    {
        var outbox = new ProgressOutbox("run");
        outbox.Start(resumedStep: 0);
        outbox.Append(Steps(1, 10));
        outbox.Acknowledge(new ProgressAck(LeaseVerdict.Accepted, NextStep: 11, DurableStep: 10));
        outbox.Acknowledge(new ProgressAck(LeaseVerdict.Accepted, NextStep: 5, DurableStep: 4));

        var error = Assert.Throws<InvalidOperationException>(outbox.NextBatch);
        Assert.Contains("must restart from the checkpoint", error.Message);
    }
}
