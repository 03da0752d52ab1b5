namespace Anneal.Client.Reports;

/// <summary>The smoothed loss of the window ending at <see cref="WindowEnd"/>, across the seeds of a series.</summary>
public sealed record SeriesPoint(int WindowEnd, Spread Loss);
