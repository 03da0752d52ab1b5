using System.Text.Json.Nodes;

namespace Anneal.Deploy.Tests.Kubernetes;

/// <summary>The objects that `kubectl kustomize` renders for one overlay, with look-ups the tests share.</summary>
public sealed class RenderedOverlay(string name, IReadOnlyList<KubernetesObject> objects)
{
    public string Name { get; } = name;

    public IReadOnlyList<KubernetesObject> Objects { get; } = objects;

    public IEnumerable<KubernetesObject> OfKind(string kind) => Objects.Where(o => o.Kind == kind);

    public KubernetesObject Single(string kind, string name) =>
        Objects.SingleOrDefault(o => o.Kind == kind && o.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"{Name}: no {kind}/{name} among {string.Join(", ", Objects)}");

    public KubernetesObject Silo => Single("Deployment", "anneal-silo");

    public JsonObject SiloContainer => Silo.Containers.Single(c => KubernetesObject.Text(c["name"]) == "silo");

    public IEnumerable<KubernetesObject> Workloads =>
        Objects.Where(o => o.Kind is "Deployment" or "StatefulSet" or "DaemonSet" or "Job" or "CronJob" or "ReplicaSet");

    /// <summary>The silo container's environment variable, or null when it is not set.</summary>
    public JsonObject? SiloEnv(string name) =>
        KubernetesObject.Items(SiloContainer["env"]).SingleOrDefault(e => KubernetesObject.Text(e["name"]) == name);

    public string? SiloEnvValue(string name) => KubernetesObject.Text(SiloEnv(name)?["value"]);
}
