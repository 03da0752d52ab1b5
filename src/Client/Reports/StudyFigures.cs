using System.Globalization;

namespace Anneal.Client.Reports;

/// <summary>
/// Decides which of the study's figures a sweep can draw and with which curves, in the study's order, labels,
/// colours and y limits (<c>plot_losses(..., ylim=…)</c> in the seed notebook). A figure needs at least two of
/// its curves in the sweep; what it lacks is noted under it.
/// </summary>
public static class StudyFigures
{
    public const string ConstantVersusLinear = "constant-vs-linear";
    public const string DecayTypes = "decay-types";
    public const string Averaging = "averaging";
    public const string ScheduleFree = "schedule-free";
    public const string Pareto = "pareto";
    public const string AllRuns = "all-runs";

    private static readonly (StudyMethod Method, string Label)[] ParetoCompared =
    [
        (StudyMethods.SchedulefreePolyak, "ScheduleFree (Polyak)"),
        (StudyMethods.Ema9999, "Exponential Avg"),
        (StudyMethods.SchedulefreeEma, "ScheduleFree (Exponential)"),
    ];

    public static (IReadOnlyList<FigurePlan> Figures, IReadOnlyList<SkippedFigure> Skipped) Plan(IReadOnlyList<RunSeries> series)
    {
        var figures = new List<FigurePlan>();
        var skipped = new List<SkippedFigure>();

        void Add(string id, string caption, double yMax, params (StudyMethod Method, string Label)[] wanted) =>
            AddSingle(figures, skipped, id, caption, yMax, series, wanted);

        var linears = Linears(series);
        AddSingle(figures, skipped, ConstantVersusLinear, "Constant LR against linear decays of every length", 1, series,
            [(StudyMethods.Constant, "Constant LR"), .. linears.Select(linear => (StudyMethods.Linear, LinearLabel(linear)))],
            linearsByLength: true);
        Add(DecayTypes, "Decay types: constant, linear, cosine, stepwise at 25% and 75%", 1,
            (StudyMethods.Constant, "Constant LR"), (StudyMethods.Linear, "Linear Decay"), (StudyMethods.Cosine, "Cosine Decay"),
            (StudyMethods.Stepwise25, "Stepwise at 25%"), (StudyMethods.Stepwise75, "Stepwise at 75%"));
        Add(Averaging, "Parameter averaging against constant LR and cosine decay", 1.5,
            (StudyMethods.Constant, "Constant LR"), (StudyMethods.Cosine, "Cosine Decay"), (StudyMethods.Polyak, "Polyak Avg"),
            (StudyMethods.Ema9999, "Exp Avg (0.9999)"), (StudyMethods.Ema999, "Exp Avg (0.999)"));
        Add(ScheduleFree, "Schedule-free optimization against constant LR, cosine decay and EMA averaging", 1.5,
            (StudyMethods.Constant, "Constant LR"), (StudyMethods.Cosine, "Cosine Decay"), (StudyMethods.Ema9999, "Exponential Avg"),
            (StudyMethods.SchedulefreePolyak, "ScheduleFree (Polyak)"), (StudyMethods.SchedulefreeEma, "ScheduleFree (Exponential)"));
        AddPareto(figures, skipped, series, linears);
        AddAllRuns(figures, skipped, series);
        return (figures, skipped);
    }

    /// <summary>Linear decays longest first, as the study lists them (100k, 75k, 50k, 25k).</summary>
    public static IReadOnlyList<RunSeries> Linears(IReadOnlyList<RunSeries> series) =>
        series.Where(s => s.Variant == StudyMethods.Linear.Variant).OrderByDescending(s => s.Steps).ToList();

    /// <summary>The series a single-curve slot of a figure takes: the longest run of the variant.</summary>
    public static RunSeries? Longest(IReadOnlyList<RunSeries> series, StudyMethod method) =>
        series.Where(s => s.Variant == method.Variant).OrderByDescending(s => s.Steps).FirstOrDefault();

    public static string LinearLabel(RunSeries linear) =>
        $"Linear Decay {linear.Steps.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A study label, with the EMA rate added where the sweep scaled it away from the study's.</summary>
    public static string Decorate(string label, RunSeries series) =>
        series.Overrides.TryGetValue("emaRate", out var rate)
            ? $"{label} · rate {rate.ToString("0.######", CultureInfo.InvariantCulture)}"
            : label;

    private static void AddSingle(List<FigurePlan> figures, List<SkippedFigure> skipped, string id, string caption,
        double yMax, IReadOnlyList<RunSeries> series, (StudyMethod Method, string Label)[] wanted, bool linearsByLength = false)
    {
        var lines = new List<FigureLine>();
        var missing = new List<string>();
        var linearIndex = 0;
        foreach (var (method, label) in wanted)
        {
            var found = linearsByLength && method == StudyMethods.Linear
                ? Linears(series)[linearIndex++]
                : Longest(series, method);
            if (found is null)
                missing.Add(method.Variant);
            else
                lines.Add(new FigureLine(found, Decorate(label, found), StudyColors.Cycle(lines.Count + missing.Count)));
        }
        if (linearsByLength && !Linears(series).Any())
            missing.Add(StudyMethods.Linear.Variant);

        if (lines.Count < 2)
        {
            skipped.Add(new SkippedFigure(id, caption, NeedsMessage(wanted.Select(w => w.Method.Variant), missing)));
            return;
        }
        var notes = missing.Count > 0 ? new[] { $"Without {string.Join(", ", missing)}: not in the sweep." } : [];
        figures.Add(new FigurePlan(id, caption, [new FigurePanel("Train Loss", yMax, lines)], notes) { ZoomOnLastQuarter = true });
    }

    private static void AddPareto(List<FigurePlan> figures, List<SkippedFigure> skipped, IReadOnlyList<RunSeries> series,
        IReadOnlyList<RunSeries> linears)
    {
        const string caption = "Pareto: constant LR and every linear decay against each anytime method";
        var constant = Longest(series, StudyMethods.Constant);
        var panels = new List<FigurePanel>();
        var missing = new List<string>();
        foreach (var (method, label) in ParetoCompared)
        {
            var compared = Longest(series, method);
            if (compared is null || (constant is null && linears.Count == 0))
            {
                missing.Add(method.Variant);
                continue;
            }
            var lines = new List<FigureLine>();
            if (constant is not null)
                lines.Add(new FigureLine(constant, Decorate("Constant LR", constant), StudyColors.ParetoConstant));
            lines.AddRange(linears.Select(linear => new FigureLine(linear, LinearLabel(linear), StudyColors.ParetoLinear)));
            lines.Add(new FigureLine(compared, Decorate(label, compared), StudyColors.ParetoCompared));
            panels.Add(new FigurePanel($"Train Loss ({label})", 2, lines));
        }
        if (panels.Count == 0)
        {
            skipped.Add(new SkippedFigure(Pareto, caption, NeedsMessage(
                ["constant or linear", .. ParetoCompared.Select(p => p.Method.Variant)],
                constant is null && linears.Count == 0 ? ["constant", "linear"] : missing)));
            return;
        }
        var notes = missing.Count > 0 ? new[] { $"No panel for {string.Join(", ", missing)}: not in the sweep." } : [];
        if (constant is null || linears.Count == 0)
            notes = [.. notes, $"Without {(constant is null ? "constant" : "linear")}: not in the sweep."];
        figures.Add(new FigurePlan(Pareto, caption, panels, notes) { ZoomOnLastQuarter = true });
    }

    private static void AddAllRuns(List<FigurePlan> figures, List<SkippedFigure> skipped, IReadOnlyList<RunSeries> series)
    {
        const string caption = "Every configuration of the sweep";
        var ordered = series
            .OrderBy(s => IndexInStudy(s.Method))
            .ThenByDescending(s => s.Steps)
            .ToList();
        if (ordered.Count == 0)
        {
            skipped.Add(new SkippedFigure(AllRuns, caption, "The sweep has no runs."));
            return;
        }
        var lines = ordered
            .Select((s, index) => new FigureLine(s, Decorate(OverviewLabel(s), s), StudyColors.Cycle(index),
                Dotted: index >= StudyColors.DefaultCycle.Count))
            .ToList();
        var yMax = 2.0;
        figures.Add(new FigurePlan(AllRuns, caption, [new FigurePanel("Train Loss (all runs)", yMax, lines)], []));
    }

    private static string OverviewLabel(RunSeries series) =>
        $"{series.Method.Label} {series.Steps.ToString(CultureInfo.InvariantCulture)}";

    private static int IndexInStudy(StudyMethod method)
    {
        var index = StudyMethods.All.ToList().FindIndex(m => m.Variant == method.Variant);
        return index < 0 ? int.MaxValue : index;
    }

    private static string NeedsMessage(IEnumerable<string> wanted, IReadOnlyList<string> missing) =>
        $"Needs at least two of {string.Join(", ", wanted.Distinct())}; the sweep lacks {string.Join(", ", missing.Distinct())}.";
}
