namespace Anneal.Deploy.Tests.Kubernetes;

public sealed class AutoscalingTests(Overlays overlays) : IClassFixture<Overlays>
{
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task AtMostOneAutoscaler_DrivesTheSilos_AndItOwnsTheReplicaCount(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);

        var autoscalers = rendered.Objects.Where(o => o.Kind is "ScaledObject" or "HorizontalPodAutoscaler").ToList();
        Assert.True(autoscalers.Count <= 1, $"{overlay}: {string.Join(", ", autoscalers)} would fight over the silo count (KEDA makes its own HPA)");
        var replicas = rendered.Silo.Spec!["replicas"];
        if (autoscalers.Count == 1)
        {
            Assert.Equal("anneal-silo", KubernetesObject.Text(autoscalers[0].Spec!["scaleTargetRef"]?["name"]));
            Assert.True(replicas is null, $"{overlay}: a fixed replica count is reset by every `kubectl apply` while {autoscalers[0]} scales");
        }
        else
        {
            Assert.NotNull(replicas);
        }
    }

    [Fact]
    public async Task GpuOverlay_ScalesWithKeda_OnQueueDepthFromPrometheus()
    {
        var rendered = await overlays.RenderAsync(Overlays.Gpu);

        var scaledObject = rendered.Single("ScaledObject", "anneal-silo");
        var trigger = Assert.Single(KubernetesObject.Items(scaledObject.Spec!["triggers"]));
        Assert.Equal("prometheus", KubernetesObject.Text(trigger["type"]));
        Assert.Contains("anneal_queue_depth", KubernetesObject.Text(trigger["metadata"]?["query"]));
        AssertScalesInOneSiloAtATime(scaledObject.Spec["advanced"]?["horizontalPodAutoscalerConfig"]?["behavior"]);
    }

    [Fact]
    public async Task GpuHpaOverlay_ScalesWithAnAutoscalingV2Hpa_OnAnExternalQueueMetric()
    {
        var rendered = await overlays.RenderAsync(Overlays.GpuHpa);

        var hpa = rendered.Single("HorizontalPodAutoscaler", "anneal-silo");
        Assert.Equal("autoscaling/v2", KubernetesObject.Text(hpa.Body["apiVersion"]));
        var metric = Assert.Single(KubernetesObject.Items(hpa.Spec!["metrics"]));
        Assert.Equal("External", KubernetesObject.Text(metric["type"]));
        Assert.Equal("anneal_slots_wanted", KubernetesObject.Text(metric["external"]?["metric"]?["name"]));
        AssertScalesInOneSiloAtATime(hpa.Spec["behavior"]);
    }

    private static void AssertScalesInOneSiloAtATime(System.Text.Json.Nodes.JsonNode? behavior)
    {
        var policy = Assert.Single(KubernetesObject.Items(behavior?["scaleDown"]?["policies"]));
        Assert.Equal("Pods", KubernetesObject.Text(policy["type"]));
        Assert.Equal("1", KubernetesObject.Text(policy["value"]));
    }
}
