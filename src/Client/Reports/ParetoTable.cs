namespace Anneal.Client.Reports;

/// <summary>
/// Whether anytime methods are Pareto-dominant over linear decays: read each anytime run at every decay's length
/// and set it beside that decay's final loss, as the study's Pareto panels show by eye.
/// </summary>
public sealed record ParetoTable(IReadOnlyList<ParetoColumn> Columns, IReadOnlyList<ParetoRow> Rows)
{
    public static ParetoTable Build(IReadOnlyList<RunSeries> series)
    {
        var linears = StudyFigures.Linears(series).OrderBy(linear => linear.Steps).ToList();
        var anytime = StudyMethods.All.Where(method => method.Anytime)
            .Concat(series.Select(s => s.Method).Where(m => m.Anytime && !StudyMethods.All.Contains(m)).DistinctBy(m => m.Variant))
            .Select(method => StudyFigures.Longest(series, method))
            .OfType<RunSeries>()
            .ToList();

        var rows = linears
            .Select(linear => new ParetoRow(
                linear.Steps,
                linear.FinalLoss,
                anytime.Select(method => method.Steps >= linear.Steps ? method.LossAt(linear.Steps) : null).ToList()))
            .ToList();

        var columns = anytime.Select((method, index) =>
        {
            var pairs = rows.Where(row => row.Linear is not null && row.Methods[index] is not null).ToList();
            return new ParetoColumn(method.Variant, StudyFigures.Decorate(method.Method.Label, method), method.Steps)
            {
                Compared = pairs.Count,
                AtOrBelowLinear = pairs.Count(row => row.Methods[index]!.Mean <= row.Linear!.Mean),
            };
        }).ToList();
        return new ParetoTable(columns, rows);
    }
}
