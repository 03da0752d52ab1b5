using System.Text.RegularExpressions;

namespace Anneal.Deploy.Tests.Monitoring;

/// <summary>One PromQL query of the dashboard, and where it comes from (for failure messages).</summary>
public sealed partial record DashboardQuery(string Source, string Expression)
{
    /// <summary>
    /// The query as Grafana sends it with every variable on "All": template variables become the regex `.*` (the
    /// dashboard's allValue) and interval macros become a window that holds several 1-second scrapes.
    /// </summary>
    public string WithAllSelected(string rateInterval = "20s") =>
        GrafanaVariable().Replace(
            Expression.Replace("$__rate_interval", rateInterval).Replace("$__interval", rateInterval).Replace("$__range", "5m"),
            ".*");

    public override string ToString() => $"{Source}: {Expression}";

    [GeneratedRegex(@"\$\{?[a-zA-Z_][a-zA-Z0-9_]*\}?")]
    private static partial Regex GrafanaVariable();
}
