using Anneal.Deploy.Tests.Infrastructure;

namespace Anneal.Deploy.Tests.EndToEnd;

/// <summary>
/// A real silo process (src/Silo, as built beside these tests) on free loopback ports with one CPU training slot; by
/// default with localhost clustering, in-memory grain state and checkpoints in a folder.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private SiloProcess(ChildProcess process, int gatewayPort, int httpPort)
    {
        _process = process;
        GatewayPort = gatewayPort;
        HttpPort = httpPort;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(5) };
    }

    public int GatewayPort { get; }

    public int HttpPort { get; }

    public string MetricsTarget => $"127.0.0.1:{HttpPort}";

    public string RecentOutput => _process.RecentOutput;

    public static Task<SiloProcess> StartAsync(string checkpoints, TimeSpan leaseDuration, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null) =>
        StartAsync(["--clustering", "localhost", "--storage", "memory", "--checkpoints", checkpoints, "--lease-duration", leaseDuration.ToString("c")], timeout, environment);

    /// <summary>A silo with these clustering, storage and checkpoint switches, on free loopback ports.</summary>
    public static async Task<SiloProcess> StartAsync(IEnumerable<string> settings, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var ports = DistinctFreePorts(3);
        var process = ChildProcess.Start("silo", "dotnet",
        [
            SiloAssembly(),
            .. settings,
            "--advertise", "127.0.0.1",
            "--silo-port", ports[0].ToString(),
            "--gateway-port", ports[1].ToString(),
            "--http-port", ports[2].ToString(),
            "--slots", "1",
            "--device", "cpu",
        ],
        new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["Logging__LogLevel__Default"] = "Warning" });
        var silo = new SiloProcess(process, ports[1], ports[2]);
        try
        {
            await Wait.UntilAsync(silo.IsReadyAsync, timeout, () => $"silo ready on /health/ready\n{process.RecentOutput}");
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    public async Task<int> GetStatusCodeAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return (int)response.StatusCode;
    }

    public async Task<string> GetTextAsync(string path) => await _http.GetStringAsync(path);

    public void Freeze() => _process.Freeze();

    public void Thaw() => _process.Thaw();

    /// <summary>SIGTERM; true when the silo shut down on its own within <paramref name="grace"/>.</summary>
    public Task<bool> StopAsync(TimeSpan grace) => _process.StopAsync(grace);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }

    private async Task<bool> IsReadyAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The silo exited:\n{_process.RecentOutput}");
        }

        try
        {
            return await GetStatusCodeAsync("health/ready") == 200;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static string SiloAssembly()
    {
        // The silo is built with the same configuration as this test assembly (bin/<Configuration>/net10.0/linux-x64/).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Parent!.Name;
        var path = Path.Combine(RepositoryPaths.Root, "src", "Silo", "bin", configuration, "net10.0", "linux-x64", "Anneal.Silo.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build src/Silo ({configuration}) first", path);
    }

    private static int[] DistinctFreePorts(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count)
        {
            ports.Add(FreePort.Next());
        }

        return [.. ports];
    }
}
