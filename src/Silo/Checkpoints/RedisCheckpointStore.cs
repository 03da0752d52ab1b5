using StackExchange.Redis;

namespace Anneal.Silo.Checkpoints;

/// <summary>Checkpoints as Redis strings (a TinyViT checkpoint is ~9 MB), so any silo of the cluster can resume any run.</summary>
public sealed class RedisCheckpointStore(IConnectionMultiplexer redis, string serviceId) : ICheckpointStore
{
    private const string Scheme = "redis:";

    public async Task<string> WriteAsync(string runId, long epoch, int step, ReadOnlyMemory<byte> checkpoint, CancellationToken cancellationToken = default)
    {
        var key = $"{RunPrefix(runId)}e{epoch}:s{step}";
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

    public async Task<int> DeleteRunAsync(string runId, string? keep, CancellationToken cancellationToken = default)
    {
        var kept = keep is null ? null : KeyOf(keep);
        // SCAN (not KEYS) on every primary: it never blocks Redis, however many keys it holds.
        var pattern = Escape(RunPrefix(runId)) + "*";
        var keys = new List<RedisKey>();
        foreach (var server in redis.GetServers().Where(s => !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: 1000).WithCancellation(cancellationToken))
            {
                if (key.ToString() != kept) keys.Add(key);
            }
        }
        return keys.Count == 0 ? 0 : (int)await redis.GetDatabase().KeyDeleteAsync(keys.ToArray());
    }

    private string RunPrefix(string runId) => $"anneal:{serviceId}:checkpoint:{runId}:";

    /// <summary>A run id is letters, digits and a few marks, but a glob must not read any of them as a wildcard.</summary>
    private static string Escape(string literal) =>
        string.Concat(literal.Select(c => c is '*' or '?' or '[' or ']' or '\\' ? $"\\{c}" : c.ToString()));

    private static string KeyOf(string location) =>
        location.StartsWith(Scheme, StringComparison.Ordinal)
            ? location[Scheme.Length..]
            : throw new ArgumentException($"'{location}' is not a Redis checkpoint location; was it written with --checkpoints DIR?");
}
