namespace Anneal.Deploy.Tests.EndToEnd;

[Collection(SiloProcessesCollection.Name)]
public sealed class RedisTlsTests
{
    [Fact]
    public async Task Silo_ClustersStoresAndCheckpointsThroughATlsOnlyRedis_TrustingItsCaLikeThePods()
    {
        await using var redis = await TlsRedisServer.StartAsync(TimeSpan.FromSeconds(30));
        var environment = new Dictionary<string, string> { ["SSL_CERT_FILE"] = await redis.WriteTrustBundleAsync() };

        await using var silo = await SiloProcess.StartAsync(
        [
            "--clustering", "redis",
            "--storage", "redis",
            "--checkpoints", "redis",
            "--redis", $"127.0.0.1:{redis.Port},password={redis.Password},ssl=true,abortConnect=false",
        ], TimeSpan.FromMinutes(2), environment);

        // Ready means joined: membership went through the TLS connection.
        Assert.Equal("Healthy", await silo.GetTextAsync("health/ready"));
        Assert.DoesNotContain(redis.Password, silo.RecentOutput);
        Assert.DoesNotContain(redis.Password, await silo.GetTextAsync("metrics"));
    }
}
