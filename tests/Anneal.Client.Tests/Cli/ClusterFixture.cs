using Anneal.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Anneal.Client.Tests.Cli;

/// <summary>
/// A real silo (grains and one training slot) hosted by the test process on free loopback ports, for running the
/// <c>anneal</c> binary against a cluster through its gateway, as a researcher would against a remote one.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory _checkpoints = new("cluster-checkpoints");
    private LocalSilo? _silo;

    /// <summary>The options that point <c>anneal</c> at this cluster.</summary>
    public string[] Connection { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _silo = await LocalSilo.StartAsync(new LocalSiloOptions { CheckpointDirectory = _checkpoints.Path, Slots = 1 });
        var options = _silo.Services.GetRequiredService<IOptions<AnnealSiloOptions>>().Value;
        // A generous connect timeout: CI machines run several test projects at once, and this suite tests commands, not speed.
        Connection = ["--gateway", $"127.0.0.1:{options.GatewayPort}", "--cluster-id", options.ClusterId, "--service-id", options.ServiceId,
            "--connect-timeout", "60"];
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
        _checkpoints.Dispose();
    }
}
