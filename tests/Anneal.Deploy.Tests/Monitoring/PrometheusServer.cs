using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anneal.Deploy.Tests.Infrastructure;

namespace Anneal.Deploy.Tests.Monitoring;

/// <summary>
/// Debian's Prometheus server on a free loopback port with its own temporary storage, scraping the given targets
/// every second. Stopped by its pid and its storage deleted on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _directory;
    private readonly HttpClient _http;

    private PrometheusServer(ChildProcess process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri Address { get; }

    public string RecentOutput => _process.RecentOutput;

    public static async Task<PrometheusServer> StartAsync(IEnumerable<string> scrapeTargets, TimeSpan timeout)
    {
        var directory = Directory.CreateTempSubdirectory("anneal-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        var targets = string.Join(", ", scrapeTargets.Select(t => $"'{t}'"));
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: anneal-silo
                metrics_path: /metrics
                static_configs:
                  - targets: [{targets}]
            """);
        var port = FreePort.Next();
        var process = ChildProcess.Start("prometheus", "/usr/bin/prometheus",
        [
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn",
        ]);
        var server = new PrometheusServer(process, directory, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await Wait.UntilAsync(server.IsReadyAsync, timeout, () => $"Prometheus ready on port {port}\n{process.RecentOutput}");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Evaluates an instant query now through /api/v1/query.</summary>
    public async Task<PrometheusResult> QueryAsync(string expression)
    {
        using var response = await _http.PostAsync("api/v1/query", new FormUrlEncodedContent([KeyValuePair.Create("query", expression)]));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>() ?? throw new InvalidOperationException("Empty answer from Prometheus");
        return PrometheusResult.From(expression, body);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<bool> IsReadyAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"Prometheus exited:\n{_process.RecentOutput}");
        }

        try
        {
            using var response = await _http.GetAsync("-/ready");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
