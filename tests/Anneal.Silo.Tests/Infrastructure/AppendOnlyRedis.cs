using System.Diagnostics;
using Anneal.Silo.Hosting;
using StackExchange.Redis;

namespace Anneal.Silo.Tests.Infrastructure;

/// <summary>
/// A real redis-server that persists to an append-only file, on a fixed loopback port and folder, so a test can stop
/// it (SIGTERM: it flushes the file and exits) and start it again with every key it had.
/// </summary>
public sealed class AppendOnlyRedis : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private Process? _process;

    public int Port { get; } = FreePorts.Pick();

    public string Password { get; } = Guid.NewGuid().ToString("N");

    public string ConnectionString => $"127.0.0.1:{Port},password={Password}";

    public async Task StartAsync()
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException("redis-server is already running");
        var start = new ProcessStartInfo("/usr/bin/redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--requirepass", Password, "--save", "",
                     "--appendonly", "yes", "--appendfsync", "always", "--dir", _folder.Path })
            start.ArgumentList.Add(arg);
        _process?.Dispose();
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await Eventually.Get(async () =>
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
            return (await redis.GetDatabase().PingAsync()) >= TimeSpan.Zero;
        }, up => up, $"redis-server to answer on port {Port}", TimeSpan.FromSeconds(30));
    }

    /// <summary>Stops the server as an operator would (SIGTERM) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false }) return;
        Signals.Send(_process.Id, Signals.Terminate);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
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
