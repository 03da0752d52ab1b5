namespace Anneal.Deploy.Tests.Kubernetes;

public sealed class PlacementTests(Overlays overlays) : IClassFixture<Overlays>
{
    [Theory]
    [MemberData(nameof(Overlays.WithGpu), MemberType = typeof(Overlays))]
    public async Task GpuOverlay_RequestsOneNvidiaGpuPerSilo_OnTaintedGpuNodes_WithTheCudaImage(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);
        var container = rendered.SiloContainer;
        var pod = rendered.Silo.PodSpec!;

        Assert.Equal("1", KubernetesObject.Text(container["resources"]?["requests"]?["nvidia.com/gpu"]));
        Assert.Equal("1", KubernetesObject.Text(container["resources"]?["limits"]?["nvidia.com/gpu"]));
        Assert.Equal("true", KubernetesObject.Text(pod["nodeSelector"]?["nvidia.com/gpu.present"]));
        Assert.Contains(KubernetesObject.Items(pod["tolerations"]), t =>
            KubernetesObject.Text(t["key"]) == "nvidia.com/gpu" && KubernetesObject.Text(t["effect"]) == "NoSchedule");
        Assert.Contains("cuda", KubernetesObject.Text(container["image"]));
        Assert.Equal("cuda", rendered.SiloEnvValue("ANNEAL_Anneal__Device"));
        Assert.Equal("1", rendered.SiloEnvValue("ANNEAL_Anneal__Slots"));
    }

    [Fact]
    public async Task CpuOverlay_AsksForNoGpu_AndTrainsOnCpu()
    {
        var rendered = await overlays.RenderAsync(Overlays.Cpu);

        Assert.DoesNotContain("nvidia.com/gpu", rendered.Silo.Body.ToJsonString());
        Assert.DoesNotContain("cuda", KubernetesObject.Text(rendered.SiloContainer["image"]));
        Assert.Equal("cpu", rendered.SiloEnvValue("ANNEAL_Anneal__Device"));
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task EveryContainer_SetsAMemoryLimit(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);

        Assert.All(rendered.Workloads.SelectMany(w => w.Containers), c =>
            Assert.False(string.IsNullOrEmpty(KubernetesObject.Text(c["resources"]?["limits"]?["memory"])), $"{overlay}: container {KubernetesObject.Text(c["name"])} has no memory limit"));
    }
}
