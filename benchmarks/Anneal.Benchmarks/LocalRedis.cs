using System.Diagnostics;
using Anneal.Silo.Hosting;
using StackExchange.Redis;

namespace Anneal.Benchmarks;

/// <summary>A redis-server of the benchmark's own on a free loopback port (or the one given with --redis).</summary>
public sealed class LocalRedis : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly string _folder;

    private LocalRedis(string connection, Process? process, string folder)
    {
        Connection = connection;
        _process = process;
        _folder = folder;
    }

    public string Connection { get; }

    public static async Task<LocalRedis> StartAsync(string? existing)
    {
        if (existing is not null) return new LocalRedis(existing, null, "");
        var port = FreePorts.Pick();
        var password = Guid.NewGuid().ToString("N");
        var folder = Directory.CreateTempSubdirectory("anneal-bench-redis-").FullName;
        var start = new ProcessStartInfo("/usr/bin/redis-server") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--requirepass", password, "--save", "", "--appendonly", "no", "--dir", folder })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        var connection = $"127.0.0.1:{port},password={password}";
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(connection);
                await probe.GetDatabase().PingAsync();
                break;
            }
            catch (RedisConnectionException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }
        return new LocalRedis(connection, process, folder);
    }

    /// <summary>Calls per Redis command so far (INFO commandstats).</summary>
    public async Task<Dictionary<string, long>> CommandCallsAsync()
    {
        var options = ConfigurationOptions.Parse(Connection);
        options.AllowAdmin = true; // INFO is an admin command for StackExchange.Redis
        // The benchmark saturates the CPU on purpose; the statistics may wait.
        options.AsyncTimeout = options.SyncTimeout = 60_000;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var info = await server.InfoAsync("commandstats");
        return info.SelectMany(g => g)
            .ToDictionary(kv => kv.Key.Replace("cmdstat_", ""), kv => long.Parse(kv.Value.Split(',')[0].Split('=')[1]));
    }

    /// <summary>Bytes Redis has received from clients (every command with its payload) and the memory it uses now.</summary>
    public async Task<(long InputBytes, long UsedMemory)> StatsAsync()
    {
        var options = ConfigurationOptions.Parse(Connection);
        options.AllowAdmin = true;
        options.AsyncTimeout = options.SyncTimeout = 60_000;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var values = (await server.InfoAsync()).SelectMany(g => g).ToDictionary(kv => kv.Key, kv => kv.Value);
        return (long.Parse(values["total_net_input_bytes"]), long.Parse(values["used_memory"]));
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        if (_folder.Length > 0) Directory.Delete(_folder, recursive: true);
    }
}
