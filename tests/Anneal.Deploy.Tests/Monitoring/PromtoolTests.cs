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
            var copy = Directory.CreateTempSubdirectory("anneal-prometheus-k8s-").FullName;
            CopyRules(copy);
            var withoutKubernetesDiscovery = Path.Combine(copy, "prometheus-kubernetes.yml");
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
                Directory.Delete(copy, recursive: true);
            }
        }

        Assert.True(result.ExitCode == 0, result.Describe());
    }

    [Fact]
    public async Task AlertRules_PassPromtoolCheckRules()
    {
        var result = await Promtool.CheckRulesAsync(RepositoryPaths.Prometheus("rules/anneal-alerts.yml"));

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("SUCCESS", result.StandardOutput);
    }

    [Fact]
    public async Task AlertRules_FireAsTheirUnitTestsSay()
    {
        var result = await Promtool.TestRulesAsync(RepositoryPaths.Prometheus("tests/anneal-alerts.test.yml"));

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("SUCCESS", result.StandardOutput + result.StandardError);
    }

    private static void CopyRules(string directory)
    {
        Directory.CreateDirectory(Path.Combine(directory, "rules"));
        foreach (var file in Directory.GetFiles(RepositoryPaths.Prometheus("rules")))
        {
            File.Copy(file, Path.Combine(directory, "rules", Path.GetFileName(file)));
        }
    }
}
