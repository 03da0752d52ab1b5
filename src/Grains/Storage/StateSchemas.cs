using Anneal.Grains.Runs;
using Anneal.Grains.Sweeps;
using Anneal.Grains.Work;

namespace Anneal.Grains.Storage;

/// <summary>
/// Every grain state type Anneal stores, with its schema. A state type missing here cannot be written: the serializer
/// refuses it, so a new one is named deliberately once instead of by whatever its class is called.
/// </summary>
public static class StateSchemas
{
    private static readonly Dictionary<Type, StateSchema> ByType = new()
    {
        [typeof(RunState)] = new("anneal.run", 1),
        [typeof(SweepState)] = new("anneal.sweep", 1),
        [typeof(SweepCatalogState)] = new("anneal.sweep-catalog", 1),
        [typeof(WorkQueueState)] = new("anneal.work-queue", 1),
        [typeof(WorkBacklogState)] = new("anneal.work-backlog", 1),
    };

    public static IReadOnlyDictionary<Type, StateSchema> All => ByType;

    public static StateSchema For(Type type) =>
        ByType.TryGetValue(type, out var schema)
            ? schema
            : throw new StateSchemaException($"{type.FullName} has no stored-state schema; name it in {nameof(StateSchemas)} before storing it");
}
