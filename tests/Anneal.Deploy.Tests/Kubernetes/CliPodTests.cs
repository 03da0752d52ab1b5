namespace Anneal.Deploy.Tests.Kubernetes;

public sealed class CliPodTests(Overlays overlays) : IClassFixture<Overlays>
{
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task CliPod_FindsTheSilosThroughRedis_WithThePasswordFromTheSecret(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);
        var cli = rendered.Single("Deployment", "anneal-cli");
        var container = Assert.Single(cli.Containers);
        var env = KubernetesObject.Items(container["env"]).ToDictionary(e => KubernetesObject.Text(e["name"])!);

        Assert.Equal("anneal-redis", KubernetesObject.Text(env["REDIS_PASSWORD"]["valueFrom"]?["secretKeyRef"]?["name"]));
        Assert.StartsWith("anneal-redis:6379,password=$(REDIS_PASSWORD)", KubernetesObject.Text(env["ANNEAL_REDIS"]["value"]));
        // The label the Redis and silo NetworkPolicies admit.
        Assert.Equal("anneal-client", KubernetesObject.Text(cli.PodLabels!["app.kubernetes.io/name"]));
        Assert.Contains("anneal-client", KubernetesObject.Text(container["image"]));
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task EveryPathASiloWritesTo_LiesOnAMountedVolume(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);
        var mounts = KubernetesObject.Items(rendered.SiloContainer["volumeMounts"])
            .Select(m => KubernetesObject.Text(m["mountPath"])!.TrimEnd('/') + "/")
            .ToList();

        foreach (var variable in new[] { "TMPDIR", "HOME", "ANNEAL_CACHE" })
        {
            var path = rendered.SiloEnvValue(variable);
            Assert.False(string.IsNullOrEmpty(path), $"{overlay}: the silo does not set {variable}");
            Assert.True(mounts.Any(m => (path!.TrimEnd('/') + "/").StartsWith(m, StringComparison.Ordinal)),
                $"{overlay}: {variable}={path} is on the read-only root filesystem (mounts: {string.Join(", ", mounts)})");
        }
    }
}
