using Anneal.Deploy.Tests.Infrastructure;

namespace Anneal.Deploy.Tests.Monitoring;

public sealed class PromtoolTests
{
    [Fact]
    public async Task LocalPrometheusConfig_PassesPromtoolCheckConfig()
    {
        var result = await Promtool.CheckConfigAsync(RepositoryPaths.Prometheus("prometheus.yml"));

        Assert.True(result.ExitCode == 0, result.Describe());
    }

    [Fact]
    public async Task KubernetesPrometheusConfig_PassesPromtoolCheckConfig()
    {
        var path = RepositoryPaths.Prometheus("prometheus-kubernetes.yml");
        var result = await Promtool.CheckConfigAsync(path);
        var lacksKubernetesDiscovery = result.ExitCode != 0
            && (result.StandardOutput + result.StandardError).Contains("field kubernetes_sd_configs not found");
        if (lacksKubernetesDiscovery)
        {
            // Debian builds Prometheus without Kubernetes service discovery. Check everything else in the file
            // (relabelling, regexes, intervals) with the discovery block swapped for an empty static one.
            var withoutKubernetesDiscovery = Path.Combine(Path.GetTempPath(), $"anneal-prometheus-k8s-{Guid.NewGuid():N}.yml");
            var text = await File.ReadAllTextAsync(path);
            var sdBlock = "    kubernetes_sd_configs:\n      - role: endpoints\n        namespaces:\n          names: [anneal]\n";
            Assert.Contains(sdBlock, text);
            await File.WriteAllTextAsync(withoutKubernetesDiscovery, text.Replace(sdBlock, "    static_configs:\n      - targets: []\n"));
            try
            {
                result = await Promtool.CheckConfigAsync(withoutKubernetesDiscovery);
            }
            finally
            {
                File.Delete(withoutKubernetesDiscovery);
            }
        }

        Assert.True(result.ExitCode == 0, result.Describe());
    }
}
