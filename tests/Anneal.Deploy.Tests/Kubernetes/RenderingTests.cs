using Anneal.Deploy.Tests.Infrastructure;

namespace Anneal.Deploy.Tests.Kubernetes;

public sealed class RenderingTests(Overlays overlays) : IClassFixture<Overlays>
{
    [Fact]
    public void EveryOverlayDirectory_IsCheckedByTheseTests()
    {
        var onDisk = Directory.GetDirectories(RepositoryPaths.Kustomize("overlays"))
            .Select(dir => "overlays/" + Path.GetFileName(dir))
            .Order();
        Assert.Equal(onDisk, Overlays.Names.Order());
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Overlay_RendersRedisSiloAndItsServices_AllInTheAnnealNamespace(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);

        rendered.Single("Namespace", "anneal");
        rendered.Single("StatefulSet", "anneal-redis");
        rendered.Single("Deployment", "anneal-silo");
        rendered.Single("Service", "anneal-gateway");
        rendered.Single("Service", "anneal-silo-metrics");
        Assert.All(rendered.Objects.Where(o => o.Kind != "Namespace"), o => Assert.Equal("anneal", o.Namespace));
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Overlay_SetsARealSiloImage_NotThePlaceholderName(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);

        var image = KubernetesObject.Text(rendered.SiloContainer["image"]);
        Assert.NotNull(image);
        Assert.Contains(':', image);
        Assert.NotEqual("anneal-silo", image);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task EveryService_SelectsPodsOfAWorkload_AndTargetsANamedContainerPort(string overlay)
    {
        var rendered = await overlays.RenderAsync(overlay);

        foreach (var service in rendered.OfKind("Service"))
        {
            var selector = service.Spec!["selector"]!.AsObject();
            var workload = rendered.Workloads.SingleOrDefault(w =>
                selector.All(s => KubernetesObject.Text(w.PodLabels?[s.Key]) == KubernetesObject.Text(s.Value)));
            Assert.True(workload is not null, $"{overlay}: {service} selects no workload's pods");

            var containerPorts = workload.Containers
                .SelectMany(c => KubernetesObject.Items(c["ports"]))
                .Select(p => KubernetesObject.Text(p["name"]))
                .ToHashSet();
            foreach (var port in KubernetesObject.Items(service.Spec["ports"]))
            {
                Assert.False(string.IsNullOrEmpty(KubernetesObject.Text(port["name"])), $"{overlay}: {service} has an unnamed port");
                var target = KubernetesObject.Text(port["targetPort"]);
                Assert.True(target is not null && containerPorts.Contains(target),
                    $"{overlay}: {service} targets port '{target}', not one of {workload}'s named ports {string.Join(", ", containerPorts)}");
            }
        }
    }
}
