using System.Text;
using System.Text.Json;
using Anneal.Deploy.Tests.Infrastructure;

namespace Anneal.Deploy.Tests.Monitoring;

/// <summary>Debian's promtool, which validates Prometheus configuration and rule files.</summary>
public static class Promtool
{
    public static Task<CommandResult> CheckConfigAsync(string path) =>
        ExternalCommand.RunAsync("promtool", ["check", "config", path], TimeSpan.FromMinutes(1));

    public static Task<CommandResult> CheckRulesAsync(string path) =>
        ExternalCommand.RunAsync("promtool", ["check", "rules", path], TimeSpan.FromMinutes(1));

    /// <summary>Runs a rule unit-test file: input series, and the alerts expected at given times.</summary>
    public static Task<CommandResult> TestRulesAsync(string path) =>
        ExternalCommand.RunAsync("promtool", ["test", "rules", path], TimeSpan.FromMinutes(1));

    /// <summary>promtool has no "check query": a recording rule per query (variables on "All") makes it parse each one.</summary>
    public static async Task AssertQueriesParseAsync(IReadOnlyList<DashboardQuery> queries)
    {
        var rules = new StringBuilder("groups:\n  - name: queries\n    rules:\n");
        for (var i = 0; i < queries.Count; i++)
        {
            rules.Append($"      - record: query_{i}\n        expr: {JsonSerializer.Serialize(queries[i].WithAllSelected())}\n");
        }

        var path = Path.Combine(Path.GetTempPath(), $"anneal-queries-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(path, rules.ToString());
        try
        {
            var result = await CheckRulesAsync(path);
            Assert.True(result.ExitCode == 0, $"{string.Join('\n', queries)}\n{result.Describe()}");
            Assert.Contains($"SUCCESS: {queries.Count} rules found", result.StandardOutput);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
