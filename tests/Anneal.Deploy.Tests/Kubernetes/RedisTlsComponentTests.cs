namespace Anneal.Deploy.Tests.Kubernetes;

public sealed class RedisTlsComponentTests
{
    [Fact]
    public async Task RedisTlsComponent_ServesTlsOnly_AndSilosAndCliConnectWithSsl_TrustingTheCa()
    {
        var rendered = await Overlays.RenderWithComponentsAsync("components/cli", "components/cpu", "components/redis-tls");

        var redis = Assert.Single(rendered.Single("StatefulSet", "anneal-redis").Containers);
        var start = KubernetesObject.Text(redis["args"]![0])!;
        Assert.Contains("--port 0 --tls-port 6379", start);
        Assert.Contains("--tls-cert-file /tls/tls.crt --tls-key-file /tls/tls.key", start);
        Assert.Contains("--tls", KubernetesObject.Text(redis["readinessProbe"]?["exec"]?["command"]?[2]));

        foreach (var (deployment, variable) in new[] { ("anneal-silo", "ANNEAL_Anneal__Redis"), ("anneal-cli", "ANNEAL_REDIS") })
        {
            var workload = rendered.Single("Deployment", deployment);
            var container = Assert.Single(workload.Containers);
            var env = KubernetesObject.Items(container["env"]).ToDictionary(e => KubernetesObject.Text(e["name"])!, e => KubernetesObject.Text(e["value"]));
            Assert.Contains(",ssl=true", env[variable]);
            Assert.Contains("password=$(REDIS_PASSWORD)", env[variable]);
            Assert.Equal("/tmp/ca-bundle.crt", env["SSL_CERT_FILE"]);
            var command = string.Join(' ', container["command"]!.AsArray().Select(c => KubernetesObject.Text(c)));
            Assert.Contains("/tls/ca.crt > /tmp/ca-bundle.crt && exec ", command);
            Assert.Contains(KubernetesObject.Items(workload.PodSpec!["volumes"]), v => KubernetesObject.Text(v["secret"]?["secretName"]) == "anneal-redis-tls");
        }
    }
}
