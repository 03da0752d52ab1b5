using Anneal.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Anneal.Grains;

/// <summary>The grain storage provider every Anneal grain keeps its state in; the silo host registers it once.</summary>
public static class AnnealStorage
{
    public const string Name = "anneal";

    /// <summary>
    /// What the provider writes its state with: versioned schemas, no CLR type names (<see cref="AnnealStateSerializer"/>).
    /// State written before schemas existed is read with Orleans' own serializer, the one the silo would use by default.
    /// </summary>
    public static IGrainStorageSerializer Serializer(IServiceProvider services) =>
        new AnnealStateSerializer(services.GetRequiredService<IGrainStorageSerializer>());
}
