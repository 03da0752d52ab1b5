using Anneal.Client.Findings;
using Anneal.Client.Reports;
using Spectre.Console;

namespace Anneal.Client.Cli;

/// <summary>The verdicts of the primary claims, as the closing summary of <c>sweep start</c> and <c>sweep report</c> prints them.</summary>
public static class FindingsConsole
{
    public static void Write(IAnsiConsole console, FindingsEvaluation evaluation)
    {
        console.MarkupLine($"[bold]Findings[/] (train loss over {ReportFormat.StepCount(evaluation.Window.Steps)}; "
            + (evaluation.HolmFamilySize > 1 ? $"Holm-adjusted across {evaluation.HolmFamilySize} comparisons" : "unadjusted") + "):");
        if (FindingFormat.SeedCaveat(evaluation.Seeds) is { } caveat)
            console.MarkupLine($"  [yellow]{Markup.Escape(caveat)}[/]");
        var several = evaluation.BestLearningRates.Count > 0;
        foreach (var finding in evaluation.Primary)
        {
            var where = several ? $" at {finding.LearningRates}" : "";
            console.MarkupLine($"  {Colored(finding.Verdict)} {Markup.Escape(finding.Id + where)}: {Markup.Escape(Numbers(finding))}");
        }
    }

    private static string Numbers(Finding finding)
    {
        if (finding.Needs is not null)
            return "needs " + finding.Needs;
        return string.Join("; ", finding.Parts.Select(part =>
            (finding.Parts.Count > 1 ? part.Plan.Label + " " : "")
            + $"{FindingFormat.Effect(part.Comparison)} CI {FindingFormat.Interval(part.Outcome.Interval)}, "
            + $"{FindingFormat.Wins(part.Comparison)} seeds"
            + (finding.Parts.Count > 1 ? $" ({FindingFormat.Verdict(part.Verdict)})" : "")));
    }

    private static string Colored(Verdict verdict)
    {
        var text = FindingFormat.Verdict(verdict).PadRight(13);
        return verdict switch
        {
            Verdict.Held => $"[green]{text}[/]",
            Verdict.DidNotHold => $"[red]{text}[/]",
            Verdict.Inconclusive => $"[yellow]{text}[/]",
            _ => $"[grey]{text}[/]",
        };
    }
}
