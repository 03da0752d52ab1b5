namespace Anneal.Client.Reports;

/// <summary>
/// A variant as the study names it. <see cref="Anytime"/> methods do not need the run's length in advance
/// (no scheduled decay), so they can be read at any step and compared with a decay of that length.
/// </summary>
public sealed record StudyMethod(string Variant, string Label, bool Anytime);
