namespace Anneal.Deploy.Tests.Kubernetes;

public sealed class RedisTests(Overlays overlays) : IClassFixture<Overlays>
{
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Redis_WritesAnAppendOnlyFile_OntoAPersistentVolume(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);
        var redis = rendered.Single("StatefulSet", "anneal-redis");

        var claim = Assert.Single(KubernetesObject.Items(redis.Spec!["volumeClaimTemplates"]));
        var claimName = KubernetesObject.Text(claim["metadata"]?["name"]);
        var container = Assert.Single(redis.Containers);
        var dataMount = KubernetesObject.Items(container["volumeMounts"]).Single(m => KubernetesObject.Text(m["name"]) == claimName);
        Assert.Equal("/data", KubernetesObject.Text(dataMount["mountPath"]));

        var config = KubernetesObject.Text(rendered.Single("ConfigMap", "anneal-redis-config").Body["data"]?["redis.conf"])!;
        var directives = config.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        Assert.Contains("appendonly yes", directives);
        Assert.Contains("dir /data", directives);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Redis_RequiresThePasswordFromTheSecret_WithoutPuttingItOnTheCommandLine(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);
        var container = Assert.Single(rendered.Single("StatefulSet", "anneal-redis").Containers);

        var password = KubernetesObject.Items(container["env"]).Single(e => KubernetesObject.Text(e["name"]) == "REDIS_PASSWORD");
        Assert.Equal("anneal-redis", KubernetesObject.Text(password["valueFrom"]?["secretKeyRef"]?["name"]));
        var commandLine = string.Join(' ', (container["args"]?.AsArray() ?? []).Select(a => KubernetesObject.Text(a)));
        Assert.Contains("> /run/redis/auth.conf", commandLine);
        Assert.DoesNotContain("--requirepass", commandLine);
        var config = KubernetesObject.Text(rendered.Single("ConfigMap", "anneal-redis-config").Body["data"]?["redis.conf"])!;
        Assert.Contains("include /run/redis/auth.conf", config);
    }
}
