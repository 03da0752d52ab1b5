namespace Anneal.Client.Reports;

/// <summary>The study's variants with the labels its figures give them.</summary>
public static class StudyMethods
{
    public static readonly StudyMethod Constant = new("constant", "Constant LR", Anytime: true);
    public static readonly StudyMethod Linear = new("linear", "Linear Decay", Anytime: false);
    public static readonly StudyMethod Cosine = new("cosine", "Cosine Decay", Anytime: false);
    public static readonly StudyMethod Stepwise25 = new("stepwise-25", "Stepwise at 25%", Anytime: false);
    public static readonly StudyMethod Stepwise75 = new("stepwise-75", "Stepwise at 75%", Anytime: false);
    public static readonly StudyMethod Polyak = new("polyak", "Polyak Avg", Anytime: true);
    public static readonly StudyMethod Ema9999 = new("ema-0.9999", "Exp Avg (0.9999)", Anytime: true);
    public static readonly StudyMethod Ema999 = new("ema-0.999", "Exp Avg (0.999)", Anytime: true);
    public static readonly StudyMethod SchedulefreePolyak = new("sf-polyak", "ScheduleFree (Polyak)", Anytime: true);
    public static readonly StudyMethod SchedulefreeEma = new("sf-ema", "ScheduleFree (Exponential)", Anytime: true);

    /// <summary>In the order the study introduces them; the Pareto table's columns follow it.</summary>
    public static readonly IReadOnlyList<StudyMethod> All =
    [
        Constant, Linear, Cosine, Stepwise25, Stepwise75, Polyak, Ema9999, Ema999, SchedulefreePolyak, SchedulefreeEma,
    ];

    /// <summary>The study's method for a variant name; variants beyond the study get their own name as label.</summary>
    public static StudyMethod For(string variant) =>
        All.FirstOrDefault(method => method.Variant == variant)
        ?? new StudyMethod(variant, variant, Anytime: variant.StartsWith("sf-", StringComparison.Ordinal));
}
