using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Anneal.Deploy.Tests.Infrastructure;

namespace Anneal.Deploy.Tests.Monitoring;

/// <summary>The Grafana dashboard in deploy/grafana/dashboards, read as Grafana reads it.</summary>
public sealed partial class Dashboard(JsonObject json)
{
    public static Dashboard Load() =>
        new(JsonNode.Parse(File.ReadAllText(RepositoryPaths.Grafana("dashboards/anneal.json")))!.AsObject());

    public JsonObject Json { get; } = json;

    /// <summary>Every panel, including those inside collapsed rows; rows themselves excluded.</summary>
    public IEnumerable<JsonObject> Panels => Flatten(Json["panels"]).Where(p => (string?)p["type"] != "row");

    public IEnumerable<DashboardQuery> PanelQueries =>
        Panels.SelectMany(panel => (panel["targets"]?.AsArray() ?? []).OfType<JsonObject>()
            .Select(target => new DashboardQuery($"panel '{panel["title"]}' {target["refId"]}", (string)target["expr"]!)));

    public IEnumerable<JsonObject> Variables => (Json["templating"]?["list"]?.AsArray() ?? []).OfType<JsonObject>();

    /// <summary>
    /// Each query variable's `label_values(selector, label)` as the PromQL that has data exactly when the variable
    /// offers values: `group by (label) (selector)`.
    /// </summary>
    public IEnumerable<DashboardQuery> VariableQueries =>
        Variables.Where(v => (string?)v["type"] == "query").Select(v =>
        {
            var definition = (string)v["definition"]!;
            var match = LabelValues().Match(definition);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Variable {v["name"]}: '{definition}' is not label_values(selector, label)");
            }

            return new DashboardQuery($"variable ${v["name"]}", $"group by ({match.Groups["label"].Value}) ({match.Groups["selector"].Value})");
        });

    public IEnumerable<DashboardQuery> AllQueries => PanelQueries.Concat(VariableQueries);

    private static IEnumerable<JsonObject> Flatten(JsonNode? panels)
    {
        foreach (var panel in (panels?.AsArray() ?? []).OfType<JsonObject>())
        {
            yield return panel;
            foreach (var nested in Flatten(panel["panels"]))
            {
                yield return nested;
            }
        }
    }

    [GeneratedRegex(@"^label_values\((?<selector>.+),\s*(?<label>[a-zA-Z_][a-zA-Z0-9_]*)\)$")]
    private static partial Regex LabelValues();
}
