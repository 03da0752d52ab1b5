using System.Text.RegularExpressions;
using Anneal.Deploy.Tests.Infrastructure;

namespace Anneal.Deploy.Tests.Kubernetes;

public sealed partial class SecurityTests(Overlays overlays) : IClassFixture<Overlays>
{
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task EveryPod_RunsAsNonRoot_WithReadOnlyRootFilesystem_AndNoPrivilegeEscalation(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);

        foreach (var workload in rendered.Workloads)
        {
            var podNonRoot = KubernetesObject.Text(workload.PodSpec!["securityContext"]?["runAsNonRoot"]);
            foreach (var container in workload.Containers)
            {
                var context = container["securityContext"];
                var where = $"{overlay}: {workload} container {KubernetesObject.Text(container["name"])}";
                Assert.True((KubernetesObject.Text(context?["runAsNonRoot"]) ?? podNonRoot) == "true", $"{where} may run as root");
                Assert.True(KubernetesObject.Text(context?["readOnlyRootFilesystem"]) == "true", $"{where} has a writable root filesystem");
                Assert.True(KubernetesObject.Text(context?["allowPrivilegeEscalation"]) == "false", $"{where} allows privilege escalation");
                Assert.True(Strings(context?["capabilities"]?["drop"]).Contains("ALL"), $"{where} keeps Linux capabilities");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Manifests_HoldNoSecret_OnlyReferencesToTheRedisSecret(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);

        Assert.Empty(rendered.OfKind("Secret"));
        foreach (var workload in rendered.Workloads)
        {
            foreach (var variable in workload.Containers.SelectMany(c => KubernetesObject.Items(c["env"])))
            {
                var name = KubernetesObject.Text(variable["name"])!;
                var value = KubernetesObject.Text(variable["value"]);
                if (SecretLookingName().IsMatch(name))
                {
                    Assert.True(value is null, $"{overlay}: {workload} sets {name} inline instead of from a Secret");
                    Assert.Equal("anneal-redis", KubernetesObject.Text(variable["valueFrom"]?["secretKeyRef"]?["name"]));
                }

                if (value is not null && InlinePassword().Match(value) is { Success: true } match)
                {
                    Assert.True(match.Groups["value"].Value.StartsWith("$("),
                        $"{overlay}: {workload} {name} holds a password inline; reference the Secret-backed variable, $(REDIS_PASSWORD)");
                }
            }
        }

        foreach (var map in rendered.OfKind("ConfigMap"))
        {
            var text = map.Body["data"]!.ToJsonString();
            Assert.DoesNotMatch(RequirePassWithValue(), text);
        }
    }

    [Fact]
    public void DeployFolder_CommitsNoSecretFiles()
    {
        var suspicious = Directory.EnumerateFiles(RepositoryPaths.Deploy, "*", SearchOption.AllDirectories)
            .Where(file => SecretFileName().IsMatch(Path.GetFileName(file)))
            .ToList();
        Assert.Empty(suspicious);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task SiloRole_GrantsExactlyThePodVerbsOfOrleansKubernetesHosting_InItsNamespaceOnly(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);

        Assert.Empty(rendered.OfKind("ClusterRole"));
        Assert.Empty(rendered.OfKind("ClusterRoleBinding"));
        var role = rendered.Single("Role", "anneal-silo");
        var rule = Assert.Single(KubernetesObject.Items(role.Body["rules"]));
        Assert.Equal([""], Strings(rule["apiGroups"]));
        Assert.Equal(["pods"], Strings(rule["resources"]));
        // KubernetesClusterAgent: Read (get), Patch (labels), List, WatchList. Delete only with DeleteDefunctSiloPods (off).
        Assert.Equal(["get", "list", "patch", "watch"], Strings(rule["verbs"]).Order());

        var binding = rendered.Single("RoleBinding", "anneal-silo");
        Assert.Equal("anneal-silo", KubernetesObject.Text(binding.Body["roleRef"]?["name"]));
        var subject = Assert.Single(KubernetesObject.Items(binding.Body["subjects"]));
        Assert.Equal(KubernetesObject.Text(rendered.Silo.PodSpec!["serviceAccountName"]), KubernetesObject.Text(subject["name"]));
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task OnlyTheSilo_GetsAKubernetesApiToken(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);

        foreach (var workload in rendered.Workloads.Where(w => w.Name != "anneal-silo"))
        {
            Assert.True(KubernetesObject.Text(workload.PodSpec!["automountServiceAccountToken"]) == "false", $"{overlay}: {workload} mounts an API token it does not need");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Redis_AcceptsConnectionsOnlyFromSilosAndClients(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);

        var policy = rendered.Single("NetworkPolicy", "anneal-redis");
        Assert.Equal("anneal-redis", KubernetesObject.Text(policy.Spec!["podSelector"]?["matchLabels"]?["app.kubernetes.io/name"]));
        var rule = Assert.Single(KubernetesObject.Items(policy.Spec["ingress"]));
        var peer = Assert.Single(KubernetesObject.Items(rule["from"]));
        var expression = Assert.Single(KubernetesObject.Items(peer["podSelector"]?["matchExpressions"]));
        Assert.Equal("In", KubernetesObject.Text(expression["operator"]));
        Assert.Equal(["anneal-client", "anneal-silo"], Strings(expression["values"]).Order());
        Assert.Null(peer["namespaceSelector"]);
    }

    private static IEnumerable<string> Strings(System.Text.Json.Nodes.JsonNode? array) =>
        array?.AsArray().Select(item => KubernetesObject.Text(item)!) ?? [];

    [GeneratedRegex("PASSWORD|SECRET|TOKEN|APIKEY", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLookingName();

    [GeneratedRegex(@"password=(?<value>[^,]*)", RegexOptions.IgnoreCase)]
    private static partial Regex InlinePassword();

    [GeneratedRegex(@"requirepass\s+[^\s\\]", RegexOptions.IgnoreCase)]
    private static partial Regex RequirePassWithValue();

    [GeneratedRegex(@"(^\.env$|\.pem$|\.key$|\.p12$|^secret|password)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretFileName();
}
