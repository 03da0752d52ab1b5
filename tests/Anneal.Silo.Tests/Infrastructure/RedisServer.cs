using System.Diagnostics;
using Anneal.Silo.Hosting;
using StackExchange.Redis;

namespace Anneal.Silo.Tests.Infrastructure;

/// <summary>A real redis-server on a free loopback port, with a password, stopped by its pid.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private Process? _process;

    public int Port { get; } = FreePorts.Pick();

    public string Password { get; } = Guid.NewGuid().ToString("N");

    public string ConnectionString => $"127.0.0.1:{Port},password={Password}";

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("/usr/bin/redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--requirepass", Password, "--save", "", "--appendonly", "no", "--dir", _folder.Path })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await Eventually.Get(async () =>
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
            return (await redis.GetDatabase().PingAsync()) >= TimeSpan.Zero;
        }, up => up, $"redis-server to answer on port {Port}", TimeSpan.FromSeconds(15));
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _folder.Dispose();
    }
}
