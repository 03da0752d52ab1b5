namespace Anneal.Silo.Hosting;

/// <summary>The silo cannot start with the configuration it was given; the message says what to change.</summary>
public sealed class AnnealConfigurationException(string message) : Exception(message);
