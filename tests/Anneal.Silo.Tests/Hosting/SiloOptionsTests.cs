using Anneal.Silo.Hosting;
using Anneal.Silo.Workers;

namespace Anneal.Silo.Tests.Hosting;

public sealed class SiloOptionsTests
{
    private static IReadOnlyList<string> Problems(AnnealSiloOptions options) =>
        new AnnealSiloOptionsValidator().Validate(null, options).Failures?.ToArray() ?? [];

    [Fact]
    public void Defaults_AreValid() => Assert.Empty(Problems(new AnnealSiloOptions()));

    [Fact]
    public void RedisClustering_WithoutAConnection_NamesTheSwitch()
    {
        var problem = Assert.Single(Problems(new AnnealSiloOptions { Clustering = ClusteringMode.Redis, Storage = StorageMode.Redis, CheckpointsShared = true }));

        Assert.Equal("--clustering redis, --storage redis needs --redis CONNECTION (e.g. host:6379,password=…)", problem);
    }

    [Fact]
    public void RedisOutsideLocalMode_RequiresAPassword_AndNeverEchoesTheConnection()
    {
        var withoutPassword = Problems(new AnnealSiloOptions { Clustering = ClusteringMode.Redis, Redis = "cache.internal:6379,ssl=true", Checkpoints = "redis" });
        var localWithoutPassword = Problems(new AnnealSiloOptions { Storage = StorageMode.Redis, Redis = "127.0.0.1:6379" });
        var withPassword = Problems(new AnnealSiloOptions { Clustering = ClusteringMode.Redis, Redis = "cache.internal:6379,password=s3cret,ssl=true", Checkpoints = "redis" });

        Assert.Equal(["--redis must carry a password (…,password=SECRET) outside localhost clustering"], withoutPassword);
        Assert.Empty(localWithoutPassword);
        Assert.Empty(withPassword);
    }

    [Fact]
    public void BadValues_AreAllNamed()
    {
        var problems = Problems(new AnnealSiloOptions { SiloPort = 0, GatewayPort = 30000, HttpPort = 30000, Slots = 0, Device = "tpu", Pool = "" });

        Assert.Contains("--silo-port must be between 1 and 65535, got 0", problems);
        Assert.Contains("--slots must be between 1 and 256, got 0", problems);
        Assert.Contains("--device must be cpu, cuda or auto, got 'tpu'", problems);
        Assert.Contains(problems, p => p.StartsWith("--silo-port, --gateway-port and --http-port must differ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--pool must be", StringComparison.Ordinal));
    }

    [Fact]
    public void StallTime_ShorterThanTwoRenewIntervals_IsRefused()
    {
        var problem = Assert.Single(Problems(new AnnealSiloOptions { StallTime = TimeSpan.FromSeconds(1) }));

        Assert.Equal("--stall-time (00:00:01) must be at least two renew intervals (00:00:01): the trainer's progress is looked at once per renewal", problem);
    }

    [Fact]
    public void TestFaults_AreReadOnlyWhenEnabled_AndRefusedWhenMalformed()
    {
        var before = Environment.GetEnvironmentVariable(TestFaults.Variable);
        Environment.SetEnvironmentVariable(TestFaults.Variable, "explode:linear@5");
        try
        {
            Assert.Empty(Problems(new AnnealSiloOptions()));
            Assert.Contains(Problems(new AnnealSiloOptions { TestFaults = true }), p => p.Contains("'explode:linear@5'", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable(TestFaults.Variable, before);
        }
    }

    [Fact]
    public void UnknownSwitch_IsRefused()
    {
        var error = Assert.Throws<AnnealConfigurationException>(() => AnnealCommandLine.CheckKnown(["--slot", "2"]));

        Assert.StartsWith("unknown option --slot; known: --clustering", error.Message);
    }

    [Fact]
    public void RedisDescription_HidesThePassword()
    {
        var described = RedisConnection.Describe(RedisConnection.Parse("cache:6380,password=s3cret,ssl=true"));

        Assert.DoesNotContain("s3cret", described);
        Assert.Contains("password: set", described);
        Assert.Contains("tls: on", described);
    }

    [Fact]
    public void FolderCheckpoints_WithRedisClustering_AreRefusedUnlessDeclaredShared()
    {
        var cluster = new AnnealSiloOptions { Clustering = ClusteringMode.Redis, Redis = "cache.internal:6379,password=s3cret", Checkpoints = "/data/ckpt" };

        Assert.StartsWith("--checkpoints /data/ckpt is a folder on this machine, which the other silos of a --clustering redis cluster cannot read",
            Assert.Single(Problems(cluster)));
        cluster.CheckpointsShared = true;
        Assert.Empty(Problems(cluster));
    }
}
