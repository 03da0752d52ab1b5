using Microsoft.Extensions.Options;

namespace Anneal.Grains.Hosting;

public sealed class AnnealGrainOptionsValidator : IValidateOptions<AnnealGrainOptions>
{
    public ValidateOptionsResult Validate(string? name, AnnealGrainOptions options)
    {
        var errors = new List<string>();
        if (options.MaxSameFailures < 1)
            errors.Add($"Anneal:Grains:MaxSameFailures must be at least 1, got {options.MaxSameFailures}");
        if (options.MaxLapsedLeases < 1)
            errors.Add($"Anneal:Grains:MaxLapsedLeases must be at least 1, got {options.MaxLapsedLeases}");
        if (options.ProgressWriteInterval < TimeSpan.Zero)
            errors.Add($"Anneal:Grains:ProgressWriteInterval must not be negative, got {options.ProgressWriteInterval}");
        if (options.SweepUpdateInterval < TimeSpan.Zero)
            errors.Add($"Anneal:Grains:SweepUpdateInterval must not be negative, got {options.SweepUpdateInterval}");
        if (options.SweepReconcilePeriod <= TimeSpan.Zero)
            errors.Add($"Anneal:Grains:SweepReconcilePeriod must be positive, got {options.SweepReconcilePeriod}");
        if (options.LeaseCheckPeriod <= TimeSpan.Zero)
            errors.Add($"Anneal:Grains:LeaseCheckPeriod must be positive, got {options.LeaseCheckPeriod}");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
