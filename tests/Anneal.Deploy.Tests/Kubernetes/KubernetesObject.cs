using System.Text.Json.Nodes;

namespace Anneal.Deploy.Tests.Kubernetes;

/// <summary>One object rendered by kustomize.</summary>
public sealed record KubernetesObject(JsonObject Body)
{
    public string Kind => Text(Body["kind"]) ?? "";

    public string Name => Text(Body["metadata"]?["name"]) ?? "";

    public string? Namespace => Text(Body["metadata"]?["namespace"]);

    public JsonNode? Spec => Body["spec"];

    /// <summary>The pod template's spec of a workload (Deployment, StatefulSet, ...), else null.</summary>
    public JsonObject? PodSpec => Spec?["template"]?["spec"] as JsonObject;

    public JsonObject? PodLabels => Spec?["template"]?["metadata"]?["labels"] as JsonObject;

    public IEnumerable<JsonObject> Containers => Items(PodSpec?["containers"]).Concat(Items(PodSpec?["initContainers"]));

    public override string ToString() => $"{Kind}/{Name}";

    public static string? Text(JsonNode? node) => node?.GetValue<string>();

    public static IEnumerable<JsonObject> Items(JsonNode? array) => array is JsonArray items ? items.OfType<JsonObject>() : [];
}
