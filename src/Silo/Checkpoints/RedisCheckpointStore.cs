using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Anneal.Silo.Checkpoints;

/// <summary>
/// Checkpoints as Redis strings (a TinyViT checkpoint is ~9 MB), so any silo of the cluster can resume any run.
/// A location is <c>redis:anneal:SERVICE:checkpoint:RUN:eEPOCH:sSTEP#SIGNATURE</c>; the signing key lives in Redis
/// beside the checkpoints (<c>anneal:SERVICE:checkpoint-key</c>, set once by the first silo), where only holders of
/// the Redis password can read it.
/// </summary>
public sealed class RedisCheckpointStore : ICheckpointStore
{
    private const string Scheme = "redis:";
    private readonly IConnectionMultiplexer _redis;
    private readonly string _serviceId;
    private readonly CheckpointSigner _signer;
    private readonly ILogger _logger;

    public RedisCheckpointStore(IConnectionMultiplexer redis, string serviceId, ILogger? logger = null)
    {
        _redis = redis;
        _serviceId = serviceId;
        _logger = logger ?? NullLogger.Instance;
        var keyName = $"anneal:{serviceId}:checkpoint-key";
        var database = redis.GetDatabase();
        database.StringSet(keyName, CheckpointSigner.NewKey(), when: When.NotExists);
        var key = (byte[]?)database.StringGet(keyName);
        _signer = new CheckpointSigner(key is { Length: CheckpointSigner.KeyBytes }
            ? key
            : throw new InvalidOperationException($"Redis key {keyName} is not a {CheckpointSigner.KeyBytes}-byte checkpoint key"));
    }

    public async Task<string> WriteAsync(string runId, long epoch, int step, ReadOnlyMemory<byte> checkpoint, CancellationToken cancellationToken = default)
    {
        var key = $"{Prefix(runId)}e{epoch}:s{step}";
        await _redis.GetDatabase().StringSetAsync(key, checkpoint);
        return _signer.Sign(runId, Scheme + key);
    }

    public async Task<byte[]> ReadAsync(string runId, string location, CancellationToken cancellationToken = default)
    {
        var value = await _redis.GetDatabase().StringGetAsync(KeyOf(runId, location, "read"));
        return value.IsNull ? throw new FileNotFoundException($"checkpoint {location} does not exist") : (byte[])value!;
    }

    public Task DeleteAsync(string runId, string location, CancellationToken cancellationToken = default) =>
        _redis.GetDatabase().KeyDeleteAsync(KeyOf(runId, location, "delete"));

    public async Task<int> DeleteRunAsync(string runId, string? keep, CancellationToken cancellationToken = default)
    {
        var kept = keep is null ? null : KeyOf(runId, keep, "keep");
        // SCAN (not KEYS) on every primary: it never blocks Redis, however many keys it holds.
        var pattern = Escape(Prefix(runId)) + "*";
        var keys = new List<RedisKey>();
        foreach (var server in _redis.GetServers().Where(s => !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: 1000).WithCancellation(cancellationToken))
            {
                if (key.ToString() != kept) keys.Add(key);
            }
        }
        return keys.Count == 0 ? 0 : (int)await _redis.GetDatabase().KeyDeleteAsync(keys.ToArray());
    }

    /// <summary>A run id is letters, digits and a few marks, but a glob must not read any of them as a wildcard.</summary>
    private static string Escape(string literal) =>
        string.Concat(literal.Select(c => c is '*' or '?' or '[' or ']' or '\\' ? $"\\{c}" : c.ToString()));

    private string Prefix(string runId) => $"anneal:{_serviceId}:checkpoint:{runId}:";

    /// <summary>The key behind a location this store wrote for <paramref name="runId"/>; anything else is refused.</summary>
    private string KeyOf(string runId, string location, string operation)
    {
        string unsigned;
        try
        {
            unsigned = _signer.Verify(runId, location);
        }
        catch (CheckpointLocationException e)
        {
            throw CheckpointRefusals.Refuse(_logger, operation, runId, location, e.Message);
        }
        var prefix = Scheme + Prefix(runId);
        var rest = unsigned.StartsWith(prefix, StringComparison.Ordinal) ? unsigned[prefix.Length..] : null;
        if (rest is null || !IsEpochAndStep(rest))
            throw CheckpointRefusals.Refuse(_logger, operation, runId, location, "not a Redis checkpoint location of this run");
        return unsigned[Scheme.Length..];
    }

    private static bool IsEpochAndStep(string rest)
    {
        var parts = rest.Split(':');
        return parts.Length == 2
            && parts[0].Length > 1 && parts[0][0] == 'e' && parts[0][1..].All(char.IsAsciiDigit)
            && parts[1].Length > 1 && parts[1][0] == 's' && parts[1][1..].All(char.IsAsciiDigit);
    }
}
