using System.CommandLine;
using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Anneal.Client.Findings;
using Anneal.Client.Reports;
using Spectre.Console;

namespace Anneal.Client.Commands;

/// <summary>
/// <c>anneal sweep compare ID A B [--at STEP] [--metric train|val] [--min-effect X]</c>: two runs of a sweep compared
/// seed by seed, with the verdicts of "A beats B" and "A matches B" by the report's rules (one comparison: no
/// multiplicity adjustment).
/// </summary>
public sealed class SweepCompareCommand : SweepByIdCommand
{
    private readonly Argument<string> _a = new("A") { Description = "A run's display name in the sweep (as 'anneal sweep show' lists it)" };
    private readonly Argument<string> _b = new("B") { Description = "The run to compare A with" };
    private readonly Option<int?> _at = new("--at")
    {
        Description = "Read both runs at this step (train metric; default: each run's last step)",
        HelpName = "STEP",
    };
    private readonly Option<string> _metric = new("--metric")
    {
        Description = "train: smoothed train loss over the verdict window; val: final validation loss",
        DefaultValueFactory = _ => "train",
    };
    private readonly Option<double?> _minEffect = MinEffectOption.Create();

    public SweepCompareCommand(CliContext context)
        : base(context, "compare", "Compare two runs of a sweep seed by seed: mean difference, CI, wins and verdicts",
            JsonOption.Create("Print the comparison as JSON"))
    {
        Arguments.Add(_a);
        Arguments.Add(_b);
        _metric.AcceptOnlyFromAmong("train", "val");
        Options.Add(_at);
        Options.Add(_metric);
        Options.Add(_minEffect);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, string sweepId, SweepOperations sweeps, CancellationToken cancellationToken)
    {
        var summary = await sweeps.GetAsync(sweepId);
        var record = await sweeps.ReadRecordAsync(summary);
        var configurations = SweepConfiguration.Group(record.Runs);
        var a = Resolve(configurations, parse.GetRequiredValue(_a), sweepId);
        var b = Resolve(configurations, parse.GetRequiredValue(_b), sweepId);
        var metric = parse.GetValue(_metric) == "val" ? FindingMetric.Validation : FindingMetric.Train;
        var window = FindingWindow.Choose(record);
        var at = parse.GetValue(_at);
        Check(at, metric, window, a, b);

        var minEffect = parse.GetValue(_minEffect) ?? record.MinEffect;
        var beats = Judge(new ComparisonPlan("", ClaimKind.Beats, Arm(a, at), Arm(b, at)), metric, window, minEffect);
        var matches = Judge(beats.Plan with { Kind = ClaimKind.Matches }, metric, window, minEffect);

        if (parse.GetValue(Json))
        {
            CliJson.Write(Context, new CompareJson(sweepId, FindingFormat.Metric(metric), metric == FindingMetric.Train ? window.Steps : null,
                FindingsJson.Comparison(beats), FindingsJson.Comparison(matches)));
            return ExitCodes.Success;
        }
        Write(beats, matches, metric, window);
        return ExitCodes.Success;
    }

    private static Arm Arm(SweepConfiguration configuration, int? at) => new(configuration, at ?? configuration.Steps);

    private static ComparisonResult Judge(ComparisonPlan plan, FindingMetric metric, VerdictWindow window, double? minEffect)
    {
        var test = FindingsEvaluation.Test(plan, metric, window.Steps, minEffect);
        var outcome = test.Comparison.Count == 0
            ? new ClaimOutcome(Verdict.NotEvaluable, null, ClaimTest.Alpha, double.NaN)
            : test.Decide();
        return new ComparisonResult(plan, metric, test, outcome, null);
    }

    private static SweepConfiguration Resolve(IReadOnlyList<SweepConfiguration> configurations, string name, string sweepId)
    {
        var named = configurations.Where(c => c.Name == name).ToList();
        return named.Count switch
        {
            1 => named[0],
            0 => throw new CliException(ExitCodes.UsageError,
                $"No run named '{name}' in sweep {sweepId}; its runs: {string.Join(", ", configurations.Select(c => c.Name).Distinct())}"),
            _ => throw new CliException(ExitCodes.UsageError,
                $"'{name}' is ambiguous in sweep {sweepId}: {named.Count} configurations share that name (give their runs distinct labels)"),
        };
    }

    private static void Check(int? at, FindingMetric metric, VerdictWindow window, SweepConfiguration a, SweepConfiguration b)
    {
        if (at is not { } step)
            return;
        if (metric == FindingMetric.Validation && (step != a.Steps || step != b.Steps))
            throw new CliException(ExitCodes.UsageError, "--at: validation loss is recorded only at a run's last step; drop --at or use --metric train");
        if (step < window.Steps)
            throw new CliException(ExitCodes.UsageError, $"--at {step} is before the first full window of {ReportFormat.StepCount(window.Steps)}");
        foreach (var run in new[] { a, b })
            if (step > run.Steps)
                throw new CliException(ExitCodes.UsageError, $"--at {step} is past the end of {run.Name} ({ReportFormat.StepCount(run.Steps)})");
    }

    private void Write(ComparisonResult beats, ComparisonResult matches, FindingMetric metric, VerdictWindow window)
    {
        var c = beats.Comparison;
        var (a, b) = (beats.Plan.A.Name, beats.Plan.B.Name);
        var output = Context.Out;
        output.MarkupLine($"[bold]{Markup.Escape(a)}[/] vs [bold]{Markup.Escape(b)}[/] on {Markup.Escape(FindingFormat.MetricDescription(metric, window.Steps))}, "
            + $"{c.Count} paired seeds; effect = B − A (> 0: A better)");
        if (FindingFormat.SeedCaveat(c.Count) is { } caveat && c.Count > 0)
            output.MarkupLine($"[yellow]{Markup.Escape(caveat)}[/]");
        output.MarkupLine($"  mean {Markup.Escape(FindingFormat.Effect(c))}, SD {Markup.Escape(FindingFormat.MinEffect(c.StandardDeviation))}, "
            + $"A better on {FindingFormat.Wins(c)} seeds, δ {FindingFormat.MinEffect(beats.Test.MinEffect)}");
        output.MarkupLine($"  {Markup.Escape(a)} beats {Markup.Escape(b)}: [bold]{FindingFormat.Verdict(beats.Verdict)}[/] (CI {Markup.Escape(FindingFormat.Interval(beats.Outcome.Interval))})");
        output.MarkupLine($"  {Markup.Escape(a)} matches {Markup.Escape(b)}: [bold]{FindingFormat.Verdict(matches.Verdict)}[/] (CI {Markup.Escape(FindingFormat.Interval(matches.Outcome.Interval))})");
        var table = new Table().Border(TableBorder.Simple).AddColumns("Seed", "A", "B", "B − A");
        foreach (var column in table.Columns)
            column.RightAligned();
        foreach (var pair in c.Pairs)
            table.AddRow(pair.Seed.ToString(), ReportFormat.Loss(pair.A), ReportFormat.Loss(pair.B), Markup.Escape(FindingFormat.Signed(pair.Difference)));
        output.Write(table);
    }
}
