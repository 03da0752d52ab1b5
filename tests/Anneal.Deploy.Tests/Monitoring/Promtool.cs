using Anneal.Deploy.Tests.Infrastructure;

namespace Anneal.Deploy.Tests.Monitoring;

/// <summary>Debian's promtool, which validates Prometheus configuration and rule files.</summary>
public static class Promtool
{
    public static Task<CommandResult> CheckConfigAsync(string path) =>
        ExternalCommand.RunAsync("promtool", ["check", "config", path], TimeSpan.FromMinutes(1));

    public static Task<CommandResult> CheckRulesAsync(string path) =>
        ExternalCommand.RunAsync("promtool", ["check", "rules", path], TimeSpan.FromMinutes(1));
}
