using StackExchange.Redis;

namespace Anneal.Silo.Checkpoints;

/// <summary>Checkpoints as Redis strings (a TinyViT checkpoint is ~9 MB), so any silo of the cluster can resume any run.</summary>
public sealed class RedisCheckpointStore(IConnectionMultiplexer redis, string serviceId) : ICheckpointStore
{
    private const string Scheme = "redis:";

    public async Task<string> WriteAsync(string runId, long epoch, int step, ReadOnlyMemory<byte> checkpoint, CancellationToken cancellationToken = default)
    {
        var key = $"anneal:{serviceId}:checkpoint:{runId}:e{epoch}:s{step}";
        await redis.GetDatabase().StringSetAsync(key, checkpoint);
        return Scheme + key;
    }

    public async Task<byte[]> ReadAsync(string location, CancellationToken cancellationToken = default)
    {
        var value = await redis.GetDatabase().StringGetAsync(KeyOf(location));
        return value.IsNull ? throw new FileNotFoundException($"checkpoint {location} does not exist") : (byte[])value!;
    }

    public Task DeleteAsync(string location, CancellationToken cancellationToken = default) =>
        redis.GetDatabase().KeyDeleteAsync(KeyOf(location));

    private static string KeyOf(string location) =>
        location.StartsWith(Scheme, StringComparison.Ordinal)
            ? location[Scheme.Length..]
            : throw new ArgumentException($"'{location}' is not a Redis checkpoint location; was it written with --checkpoints DIR?");
}
