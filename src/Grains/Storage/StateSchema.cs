namespace Anneal.Grains.Storage;

/// <summary>The name and version a stored state type is written under (docs/cluster.md, "Stored state").</summary>
/// <param name="Name">Stays the same for the life of the state, whatever its CLR type is called.</param>
/// <param name="Version">Raised only by a change that older code must not read; adding a property is not one.</param>
public sealed record StateSchema(string Name, int Version);
