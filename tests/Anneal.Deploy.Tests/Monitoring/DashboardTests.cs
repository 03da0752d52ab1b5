using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Anneal.Deploy.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Anneal.Deploy.Tests.Monitoring;

public sealed partial class DashboardTests
{
    private readonly Dashboard _dashboard = Dashboard.Load();

    [Fact]
    public void EveryPanel_QueriesTheProvisionedPrometheusDatasource()
    {
        var uid = ProvisionedDatasourceUid();

        Assert.NotEmpty(_dashboard.Panels);
        Assert.All(_dashboard.Panels, panel =>
        {
            Assert.Equal(uid, (string?)panel["datasource"]?["uid"]);
            var targets = panel["targets"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
            Assert.True(targets.Count > 0, $"panel '{panel["title"]}' has no query");
            Assert.All(targets, t => Assert.False(string.IsNullOrWhiteSpace((string?)t["expr"]), $"panel '{panel["title"]}' has an empty query"));
        });
        Assert.All(_dashboard.Variables, v => Assert.Equal(uid, (string?)v["datasource"]?["uid"]));
    }

    [Fact]
    public void PanelIds_AreUnique_AndEveryVariableUsedIsDefined()
    {
        var ids = _dashboard.Panels.Select(p => (int)p["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var defined = _dashboard.Variables.Select(v => (string)v["name"]!).ToHashSet();
        var used = _dashboard.AllQueries
            .SelectMany(q => UsedVariable().Matches(q.Expression).Select(m => m.Groups["name"].Value))
            .Where(name => !name.StartsWith("__"))
            .ToHashSet();
        Assert.Subset(defined, used);
    }

    [Fact]
    public void Dashboard_CoversWhatOperatorsWatch()
    {
        var queries = string.Join('\n', _dashboard.AllQueries.Select(q => q.Expression));

        foreach (var metric in new[]
                 {
                     "anneal_runs", "anneal_train_loss", "anneal_train_learning_rate", "anneal_validation_loss", "anneal_validation_accuracy",
                     "anneal_training_steps_total", "anneal_slot_steps_per_second", "anneal_queue_depth", "anneal_slots_busy", "anneal_slots_free",
                     "anneal_lease_expiries_total", "anneal_run_retries_total", "anneal_runs_finished_total",
                     "anneal_checkpoint_write_duration_seconds_bucket", "orleans_",
                 })
        {
            Assert.Contains(metric, queries);
        }
    }

    [Fact]
    public async Task EveryQuery_IsValidPromQl_AsPromtoolParsesIt()
    {
        await Promtool.AssertQueriesParseAsync(_dashboard.AllQueries.ToList());
    }

    [Fact]
    public async Task AutoscalerQueries_AreValidPromQl_AsPromtoolParsesThem()
    {
        await Promtool.AssertQueriesParseAsync(await AutoscalerQueries.LoadAsync(new Kubernetes.Overlays()));
    }

    [Fact]
    public void DashboardProvider_PointsAtAFolderTheDashboardIsMountedIn()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepositoryPaths.Grafana("provisioning/dashboards/anneal.yml"))));
        var provider = ((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["providers"]).Children.Cast<YamlMappingNode>().Single();
        Assert.Equal("file", provider["type"].ToString());
        Assert.StartsWith("/", ((YamlMappingNode)provider["options"])["path"].ToString());
    }

    [Fact]
    public void KubePrometheusStackValues_ProvisionTheDatasourceTheDashboardQueries()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepositoryPaths.Kustomize("monitoring/kube-prometheus-stack-values.yaml"))));
        var grafana = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["grafana"];
        var datasource = ((YamlSequenceNode)grafana["additionalDataSources"]).Children.Cast<YamlMappingNode>().Single();

        Assert.Equal(ProvisionedDatasourceUid(), datasource["uid"].ToString());
        Assert.Equal("prometheus", datasource["type"].ToString());
    }

    private static string ProvisionedDatasourceUid()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepositoryPaths.Grafana("provisioning/datasources/prometheus.yml"))));
        var datasource = ((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["datasources"]).Children.Cast<YamlMappingNode>().Single();
        Assert.Equal("prometheus", datasource["type"].ToString());
        return datasource["uid"].ToString();
    }

    [GeneratedRegex(@"\$\{?(?<name>[a-zA-Z_][a-zA-Z0-9_]*)")]
    private static partial Regex UsedVariable();
}
