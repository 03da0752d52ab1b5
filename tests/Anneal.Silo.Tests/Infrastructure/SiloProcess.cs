using System.Collections.Concurrent;
using System.Diagnostics;
using Anneal.Silo.Hosting;

namespace Anneal.Silo.Tests.Infrastructure;

/// <summary>A silo in its own process (the test's build of src/Silo), clustered through Redis on loopback.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(Process process, int siloPort, int gatewayPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Anneal's own log messages (not Orleans'), for a test's diagnostics.</summary>
    public IEnumerable<string> AnnealMessages()
    {
        var lines = _output.ToArray();
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (lines[i].Contains(": Anneal.", StringComparison.Ordinal)) yield return lines[i + 1].Trim();
        }
    }

    /// <summary>Whether a run's worker id names this silo (ids start with the silo's address).</summary>
    public bool Hosts(string? worker) => worker?.StartsWith($"127.0.0.1:{SiloPort}@", StringComparison.Ordinal) == true;

    public static SiloProcess Start(TestCluster cluster, params string[] extra) => Start(cluster, new Dictionary<string, string>(), extra);

    /// <param name="environment">Extra environment variables, e.g. ANNEAL_TEST_FAULTS or settings with no switch such as ANNEAL_Anneal__Grains__SweepReconcilePeriod.</param>
    public static SiloProcess Start(TestCluster cluster, IReadOnlyDictionary<string, string> environment, params string[] extra)
    {
        var siloPort = FreePorts.Pick();
        var gatewayPort = FreePorts.Pick();
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "Anneal.Silo"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            "--clustering", "redis", "--storage", "redis", "--checkpoints", "redis", "--redis", cluster.Redis,
            "--cluster-id", cluster.ClusterId, "--service-id", cluster.ServiceId,
            "--silo-port", siloPort.ToString(), "--gateway-port", gatewayPort.ToString(), "--http-port", "0",
            "--advertise", "127.0.0.1", "--slots", "1", "--threads", "1", "--device", "cpu",
            "--lease-duration", "00:00:04", .. extra,
        ];
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("the silo did not start");
        return new SiloProcess(process, siloPort, gatewayPort);
    }

    public void Signal(int signal) => Signals.Send(_process.Id, signal);

    /// <summary>The exit code, once the process ends within <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"silo on port {SiloPort} still running after {timeout.TotalSeconds:F0} s; output:{Environment.NewLine}{Output}");
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                Signal(Signals.Continue);
                _process.Kill();
                await _process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
            }
        }
        _process.Dispose();
    }
}
