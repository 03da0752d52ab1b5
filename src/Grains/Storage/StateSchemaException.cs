namespace Anneal.Grains.Storage;

/// <summary>Stored state this version of Anneal cannot read or write; the message says why and what to do.</summary>
public sealed class StateSchemaException(string message) : Exception(message);
