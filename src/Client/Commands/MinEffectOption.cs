using System.CommandLine;

namespace Anneal.Client.Commands;

/// <summary><c>--min-effect X</c>, shared by <c>sweep report</c>, <c>sweep start</c> and <c>sweep compare</c>.</summary>
internal static class MinEffectOption
{
    public static Option<double?> Create()
    {
        var option = new Option<double?>("--min-effect")
        {
            Description = "Smallest loss difference a verdict counts as an effect, absolute (default: the spec's minEffect, else 1% of the compared arms' mean)",
            HelpName = "X",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } value && (!double.IsFinite(value) || value < 0))
                result.AddError("--min-effect must be a finite number ≥ 0");
        });
        return option;
    }
}
