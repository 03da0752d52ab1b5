using Anneal.Silo.Checkpoints;
using Anneal.Silo.Hosting;
using Anneal.Silo.Tests.Infrastructure;
using StackExchange.Redis;

namespace Anneal.Silo.Tests.Checkpoints;

/// <summary>The Redis store reads and deletes only the keys it wrote for the run asking: never another sweep's state.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisCheckpointStoreTests(RedisServer redisServer) : IAsyncLifetime
{
    private const string Run = "20261202-060000-abcdef/r000";
    private readonly string _service = "svc-" + Guid.NewGuid().ToString("N")[..8];
    private readonly RecordingLoggerProvider _log = new();
    private ConnectionMultiplexer _redis = null!;
    private RedisCheckpointStore _store = null!;

    public async Task InitializeAsync()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(RedisConnection.Parse(redisServer.ConnectionString));
        _store = new RedisCheckpointStore(_redis, _service, _log.CreateLogger("store"));
    }

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task OwnLocation_IsReadAndDeleted_ByAnySiloOfTheService()
    {
        var location = await _store.WriteAsync(Run, 2, 100, new byte[] { 4, 2 });
        var otherSilo = new RedisCheckpointStore(_redis, _service);

        Assert.Equal([4, 2], await otherSilo.ReadAsync(Run, location));
        await otherSilo.DeleteAsync(Run, location);
        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.ReadAsync(Run, location));
    }

    [Fact]
    public async Task AnotherSweepsStateKey_AnotherRunsKey_AndAnotherServicesLocation_AreRefused_AndKept()
    {
        var database = _redis.GetDatabase();
        // Orleans' Redis grain storage keeps a sweep's state in the hash {ServiceId}/state/{grainType}/{key}/{stateName}.
        var stateKey = $"{_service}/state/sweep/20261201-000000-000000/sweep";
        await database.HashSetAsync(stateKey, "data", "another sweep's state");
        var otherRun = await _store.WriteAsync("20261202-060000-abcdef/r001", 1, 50, new byte[] { 9 });
        var otherService = await new RedisCheckpointStore(_redis, _service + "-other").WriteAsync(Run, 1, 50, new byte[] { 8 });
        string[] hostile =
        [
            "redis:" + stateKey,
            "redis:" + stateKey + "#" + new string('0', 64),
            otherRun,
            otherService,
            "redis:anneal:" + _service + ":checkpoint:" + Run + ":e1:s50:../x",
            "file:/etc/passwd",
        ];

        foreach (var location in hostile)
        {
            await Assert.ThrowsAsync<CheckpointLocationException>(() => _store.ReadAsync(Run, location));
            await Assert.ThrowsAsync<CheckpointLocationException>(() => _store.DeleteAsync(Run, location));
        }

        Assert.Equal("another sweep's state", (string?)await database.HashGetAsync(stateKey, "data"));
        Assert.True(await database.KeyExistsAsync(otherRun[6..otherRun.LastIndexOf('#')]));
        Assert.Equal(hostile.Length * 2, _log.Lines.Count(line => line.StartsWith("Warning store: Refused to", StringComparison.Ordinal)));
    }
}
