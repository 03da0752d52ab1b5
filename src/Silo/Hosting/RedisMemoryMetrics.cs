using System.Diagnostics.Metrics;
using System.Globalization;
using Anneal.Grains.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Anneal.Silo.Hosting;

/// <summary>
/// Exports the memory Redis uses and its <c>maxmemory</c>, read from <c>INFO memory</c> every 15 s, so an alert fires
/// before Redis refuses writes (with <c>noeviction</c>, a full Redis refuses them and the cluster stops; see
/// deploy/prometheus/rules/anneal-alerts.yml). Every silo reports the same Redis; alerts take the max over silos.
/// </summary>
public sealed partial class RedisMemoryMetrics : BackgroundService
{
    public const string UsedBytes = "anneal.redis.used_memory_bytes";
    public const string MaxBytes = "anneal.redis.maxmemory_bytes";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly ConfigurationOptions _connection;
    private readonly ILogger<RedisMemoryMetrics> _logger;
    private long _used = -1;
    private long _max = -1;

    public RedisMemoryMetrics(ConfigurationOptions connection, IMeterFactory meters, ILogger<RedisMemoryMetrics> logger)
    {
        _connection = connection;
        _logger = logger;
        var meter = meters.Create(InstrumentNames.Meter);
        meter.CreateObservableGauge(UsedBytes, () => Observe(ref _used), description: "Memory Redis uses (INFO memory used_memory), bytes");
        meter.CreateObservableGauge(MaxBytes, () => Observe(ref _max), description: "Redis maxmemory (0: none set), bytes");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A metric must never stop the silo: any failure here is logged and the gauges stay empty until a read works.
        _connection.AbortOnConnectFail = false;
        // INFO is an admin command to StackExchange.Redis; this connection of its own sends nothing else.
        _connection.AllowAdmin = true;
        try
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(_connection);
            using var timer = new PeriodicTimer(Interval);
            do
            {
                await ReadAsync(redis);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogConnectFailed(e);
        }
    }

    private async Task ReadAsync(ConnectionMultiplexer redis)
    {
        try
        {
            var server = redis.GetServers().First(s => !s.IsReplica);
            var memory = (await server.InfoAsync("memory")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
            Volatile.Write(ref _used, long.Parse(memory["used_memory"], CultureInfo.InvariantCulture));
            Volatile.Write(ref _max, long.Parse(memory["maxmemory"], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is RedisException or RedisCommandException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            LogReadFailed(e);
        }
    }

    private static IEnumerable<Measurement<long>> Observe(ref long field)
    {
        var value = Volatile.Read(ref field);
        return value < 0 ? [] : [new Measurement<long>(value)];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to Redis to read its memory; the Redis memory gauges stay empty")]
    private partial void LogConnectFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read Redis memory (INFO memory); retrying in 15 s")]
    private partial void LogReadFailed(Exception exception);
}
