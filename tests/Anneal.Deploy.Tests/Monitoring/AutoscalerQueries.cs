using Anneal.Deploy.Tests.Infrastructure;
using Anneal.Deploy.Tests.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace Anneal.Deploy.Tests.Monitoring;

/// <summary>The PromQL the autoscalers scale on: KEDA's trigger query and prometheus-adapter's external metric.</summary>
public static class AutoscalerQueries
{
    public static async Task<IReadOnlyList<DashboardQuery>> LoadAsync(Overlays overlays)
    {
        var keda = (await overlays.RenderAsync(Overlays.Gpu)).Single("ScaledObject", "anneal-silo");
        var trigger = KubernetesObject.Items(keda.Spec!["triggers"]).Single();
        var queries = new List<DashboardQuery>
        {
            new("KEDA ScaledObject trigger", KubernetesObject.Text(trigger["metadata"]?["query"])!),
        };

        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepositoryPaths.Kustomize("components/hpa/prometheus-adapter-values.yaml"))));
        var rules = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["rules"])["external"];
        foreach (var rule in rules.Children.Cast<YamlMappingNode>())
        {
            // The adapter fills <<.LabelMatchers>> with the HPA's namespace; outside Kubernetes there is none.
            var query = rule["metricsQuery"].ToString().Replace("<<.LabelMatchers>>", "");
            queries.Add(new DashboardQuery($"prometheus-adapter rule {rule["name"]["as"]}", query));
        }

        return queries;
    }
}
