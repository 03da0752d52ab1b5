using Anneal.Contracts.Specs;

namespace Anneal.Contracts.Sweeps;

/// <summary>
/// One submission of a sweep: its id is drawn once, when the submission is made, and every retry of the submission
/// starts the sweep under that same id. Starting a sweep again with the same spec returns it
/// (<see cref="ISweepGrain.Start"/>), so a retried submit whose first reply was lost returns the sweep the first one
/// created, while a new submission of the same spec is a new sweep.
/// </summary>
public sealed class SweepSubmission(SweepSpec spec, string? sweepId = null)
{
    public const int DefaultAttempts = 4;

    /// <summary>The idempotency token of this submission: the id of the sweep it starts.</summary>
    public string SweepId { get; } = sweepId ?? SweepIds.New();

    public SweepSpec Spec { get; } = spec;

    /// <summary>
    /// Starts the sweep, retrying after a timeout or an unreachable silo (the first call may have started it, or not).
    /// Anything else, a refused spec included, is thrown at once.
    /// </summary>
    public async Task<SweepSummary> SubmitAsync(IGrainFactory grains, int attempts = DefaultAttempts, TimeSpan? pause = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await grains.GetGrain<ISweepGrain>(SweepId).Start(Spec);
            }
            catch (Exception e) when (attempt < attempts && IsTransient(e))
            {
                await Task.Delay(pause ?? TimeSpan.FromSeconds(attempt));
            }
        }
    }

    /// <summary>Failures after which the call may or may not have taken effect, and a retry may get through.</summary>
    public static bool IsTransient(Exception e) =>
        e is TimeoutException or OrleansMessageRejectionException or SiloUnavailableException;
}
