namespace Anneal.Deploy.Tests.Kubernetes;

public sealed class SiloPodTests(Overlays overlays) : IClassFixture<Overlays>
{
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Silo_NamesItsSiloGatewayAndHttpPorts(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);

        var names = KubernetesObject.Items(rendered.SiloContainer["ports"]).Select(p => KubernetesObject.Text(p["name"])).ToList();
        Assert.Equal(["gateway", "http", "silo"], names.Order());
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Silo_ProbesHealthEndpoints_ReadyOnlyOnceJoined(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);
        var container = rendered.SiloContainer;

        Assert.Equal("/health/live", KubernetesObject.Text(container["startupProbe"]?["httpGet"]?["path"]));
        Assert.Equal("/health/ready", KubernetesObject.Text(container["readinessProbe"]?["httpGet"]?["path"]));
        Assert.Equal("/health/live", KubernetesObject.Text(container["livenessProbe"]?["httpGet"]?["path"]));
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            Assert.Equal("http", KubernetesObject.Text(container[probe]?["httpGet"]?["port"]));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Silo_TakesPodNameNamespaceAndIpFromTheDownwardApi(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);

        Assert.Equal("metadata.name", FieldRef(rendered, "POD_NAME"));
        Assert.Equal("metadata.namespace", FieldRef(rendered, "POD_NAMESPACE"));
        Assert.Equal("status.podIP", FieldRef(rendered, "POD_IP"));
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task SiloPods_CarryTheOrleansLabels_MatchingTheirServiceAndClusterIds(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);
        var labels = rendered.Silo.PodLabels!;

        var serviceId = rendered.SiloEnvValue("ORLEANS_SERVICE_ID");
        var clusterId = rendered.SiloEnvValue("ORLEANS_CLUSTER_ID");
        Assert.False(string.IsNullOrEmpty(serviceId));
        Assert.False(string.IsNullOrEmpty(clusterId));
        Assert.Equal(serviceId, KubernetesObject.Text(labels["orleans/serviceId"]));
        Assert.Equal(clusterId, KubernetesObject.Text(labels["orleans/clusterId"]));
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Silo_ClustersAndStoresThroughRedis_InsideKubernetes(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);

        Assert.Equal("kubernetes", rendered.SiloEnvValue("ANNEAL_Anneal__Clustering"));
        Assert.Equal("redis", rendered.SiloEnvValue("ANNEAL_Anneal__Storage"));
        Assert.Equal("redis", rendered.SiloEnvValue("ANNEAL_Anneal__Checkpoints"));
        Assert.StartsWith("anneal-redis:6379,", rendered.SiloEnvValue("ANNEAL_Anneal__Redis"));
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task TerminationGracePeriod_OutlastsTheHostShutdown_WhichLeavesTimeToCheckpoint(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);

        var grace = int.Parse(KubernetesObject.Text(rendered.Silo.PodSpec!["terminationGracePeriodSeconds"])!);
        var hostShutdown = int.Parse(rendered.SiloEnvValue("DOTNET_shutdownTimeoutSeconds")!);
        // A checkpoint write takes well under a second (anneal_checkpoint_write_duration_seconds); the host
        // also waits for the slots to notice cancellation (within a second) and for Orleans to leave the cluster.
        Assert.True(hostShutdown >= 60, $"host shutdown timeout {hostShutdown}s leaves too little time to checkpoint and leave");
        Assert.True(grace >= hostShutdown + 15, $"grace period {grace}s must outlast the host's {hostShutdown}s shutdown, or Kubernetes SIGKILLs a silo mid-checkpoint");
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task PodDisruptionBudget_LetsOnlyOneSiloGoAtATime(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);

        var budget = rendered.Single("PodDisruptionBudget", "anneal-silo");
        Assert.Equal("1", KubernetesObject.Text(budget.Spec!["maxUnavailable"]));
        var selector = budget.Spec["selector"]!["matchLabels"]!.AsObject();
        Assert.All(selector, s => Assert.Equal(KubernetesObject.Text(s.Value), KubernetesObject.Text(rendered.Silo.PodLabels![s.Key])));
    }

    private static string? FieldRef(RenderedOverlay rendered, string name) =>
        KubernetesObject.Text(rendered.SiloEnv(name)?["valueFrom"]?["fieldRef"]?["fieldPath"]);
}
