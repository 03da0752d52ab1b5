namespace Anneal.Silo.Workers;

/// <summary>
/// One fault: runs of <paramref name="Variant"/> suffer <paramref name="Kind"/> at their first progress report at or after
/// <paramref name="Step"/>, or, for the load kinds, at or after the <paramref name="Step"/>-th chunk of their dataset's load.
/// </summary>
public sealed record TestFault(TestFaultKind Kind, string Variant, int Step);
