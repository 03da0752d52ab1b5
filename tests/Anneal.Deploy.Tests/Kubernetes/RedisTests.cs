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

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Redis_RefusesWritesAtAMaxmemoryBelowItsContainerLimit_AndNeverEvicts(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);
        var container = Assert.Single(rendered.Single("StatefulSet", "anneal-redis").Containers);
        var config = KubernetesObject.Text(rendered.Single("ConfigMap", "anneal-redis-config").Body["data"]?["redis.conf"])!;
        var directives = config.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2)).GroupBy(parts => parts[0]).ToDictionary(g => g.Key, g => g.Last()[1]); // Redis: the last one wins

        Assert.Equal("noeviction", directives["maxmemory-policy"]);
        var maxmemory = Bytes(directives["maxmemory"]);
        var limit = Bytes(KubernetesObject.Text(container["resources"]?["limits"]?["memory"])!);
        Assert.True(maxmemory > 0 && maxmemory <= limit / 2, $"{overlay}: maxmemory {maxmemory} must be set and at most half the container limit {limit}");
    }

    /// <summary>Redis sizes (1gb, 512mb) and Kubernetes quantities (2Gi, 512Mi); both mean powers of 1024 here.</summary>
    private static long Bytes(string size)
    {
        var match = System.Text.RegularExpressions.Regex.Match(size.Trim(), "^([0-9]+)([a-zA-Z]*)$");
        Assert.True(match.Success, $"cannot read the size '{size}'");
        var unit = match.Groups[2].Value.ToLowerInvariant() switch
        {
            "" or "b" => 1L,
            "k" or "kb" or "ki" => 1L << 10,
            "m" or "mb" or "mi" => 1L << 20,
            "g" or "gb" or "gi" => 1L << 30,
            var other => throw new Xunit.Sdk.XunitException($"unknown size unit '{other}' in '{size}'"),
        };
        return long.Parse(match.Groups[1].Value) * unit;
    }
}
