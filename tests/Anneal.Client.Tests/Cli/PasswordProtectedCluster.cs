using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Anneal.Silo.Hosting;
using StackExchange.Redis;

namespace Anneal.Client.Tests.Cli;

/// <summary>
/// A cluster as production runs one: a real redis-server on a free loopback port that requires a password, and a silo
/// (hosted by the test process, one training slot) that uses it for clustering, grain state and checkpoints. The
/// redis-server is stopped by its process id.
/// </summary>
public sealed class PasswordProtectedCluster : IAsyncLifetime
{
    private readonly TemporaryDirectory _folder = new("redis");
    private Process? _redis;
    private LocalSilo? _silo;

    public int RedisPort { get; } = FreePort();

    /// <summary>Distinctive, so that finding it in any output can only mean it was printed.</summary>
    public string Password { get; } = "pw" + Guid.NewGuid().ToString("N");

    public string ConnectionString => $"127.0.0.1:{RedisPort},password={Password}";

    public string ClusterId { get; private set; } = "";

    public string ServiceId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("/usr/bin/redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", RedisPort.ToString(), "--bind", "127.0.0.1", "--requirepass", Password, "--save", "", "--appendonly", "no", "--dir", _folder.Path })
            start.ArgumentList.Add(arg);
        _redis = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _redis.BeginOutputReadLine();
        _redis.BeginErrorReadLine();
        await WaitForRedisAsync();

        _silo = await LocalSilo.StartAsync(new LocalSiloOptions
        {
            Slots = 1,
            Configure = o =>
            {
                o.Clustering = ClusteringMode.Redis;
                o.Storage = StorageMode.Redis;
                o.Redis = ConnectionString;
                o.Checkpoints = AnnealSiloOptions.RedisCheckpoints;
                o.AdvertisedAddress = "127.0.0.1";
            },
        });
        (ClusterId, ServiceId) = (_silo.Options.ClusterId, _silo.Options.ServiceId);
    }

    private async Task WaitForRedisAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
                await redis.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
        if (_redis is { HasExited: false })
        {
            _redis.Kill();
            await _redis.WaitForExitAsync();
        }
        _redis?.Dispose();
        _folder.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
