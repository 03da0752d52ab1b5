using Anneal.Silo.Hosting;
using Microsoft.Extensions.Hosting;

namespace Anneal.Silo.Tests.Hosting;

/// <summary>A gateway without TLS or authentication listens beyond loopback only when the operator says it is fenced off.</summary>
public sealed class GatewayExposureTests
{
    private static void AddSilo(Action<AnnealSiloOptions> configure) =>
        Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings()).AddAnnealSilo(o =>
        {
            o.Clustering = ClusteringMode.Redis;
            o.Redis = "127.0.0.1:6379,password=secret";
            o.Checkpoints = AnnealSiloOptions.RedisCheckpoints; // a folder store is refused with Redis clustering
            o.AdvertisedAddress = "10.1.2.3";
            configure(o);
        });

    [Fact]
    public void NonLoopbackGateway_WithoutInsecure_IsRefused_NamingTheWayOut()
    {
        var error = Assert.Throws<AnnealConfigurationException>(() => AddSilo(_ => { }));

        Assert.Contains("10.1.2.3:30000 without TLS", error.Message);
        Assert.Contains("--insecure=true", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public void NonLoopbackGateway_WithInsecure_IsAccepted() => AddSilo(o => o.Insecure = true);

    [Fact]
    public void LoopbackGateway_NeedsNoFlag() => AddSilo(o => o.AdvertisedAddress = "127.0.0.1");

    [Fact]
    public void InsecureSwitch_MapsToTheOption() =>
        Assert.Equal("Anneal:Insecure", AnnealCommandLine.SwitchMappings["--insecure"]);
}
