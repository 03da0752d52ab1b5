using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Anneal.Client.Tests.Cli;

/// <summary>
/// No output of any command shows the Redis password (docs/cli.md, "Secrets"): every command runs against a
/// password-protected cluster, on its success and failure paths, in text and --json, and all it printed (and the
/// report it wrote) is searched for the password and for a wrong one given on purpose.
/// </summary>
public sealed class SecretsTests(PasswordProtectedCluster cluster) : IClassFixture<PasswordProtectedCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private const string WrongPassword = "wrong-pw-3f9c2a71";

    private readonly List<(string Command, string Output)> _printed = [];

    [Fact]
    public async Task EveryCommand_OnSuccessAndFailure_NeverPrintsThePassword()
    {
        using var folder = new TemporaryDirectory("secrets");
        var spec = TinySpecs.Write(folder, TinySpecs.ThreeRuns());
        var passwordFile = folder.File("redis-password");
        File.WriteAllText(passwordFile, cluster.Password + "\n");
        string[] ids = ["--cluster-id", cluster.ClusterId, "--service-id", cluster.ServiceId, "--connect-timeout", "60"];
        string[] redis = ["--redis", cluster.ConnectionString, .. ids];
        string[] wrong = ["--redis", $"127.0.0.1:{cluster.RedisPort},password={WrongPassword}", "--cluster-id", cluster.ClusterId, "--service-id", cluster.ServiceId, "--connect-timeout", "5"];
        var fromEnvironment = new Dictionary<string, string?> { ["ANNEAL_REDIS"] = cluster.ConnectionString };
        var passwordInEnvironment = new Dictionary<string, string?>
        {
            ["ANNEAL_REDIS"] = $"127.0.0.1:{cluster.RedisPort}",
            ["ANNEAL_REDIS_PASSWORD"] = cluster.Password,
        };

        // Success paths: a followed sweep (password from a file), then a detached one with every command on it.
        var report = folder.File("report");
        await RunAsync(ExitCodes.Success, ["sweep", "start", "-f", spec, "--out", report, "--redis", $"127.0.0.1:{cluster.RedisPort}", "--redis-password-file", passwordFile, .. ids]);
        var started = await RunAsync(ExitCodes.Success, ["sweep", "start", "-f", spec, "--detach", "--json", .. redis]);
        var id = JsonDocument.Parse(started.Stdout).RootElement.GetProperty("sweepId").GetString()!;
        await RunAsync(ExitCodes.Success, ["sweep", "start", "-f", spec, "--detach", .. redis]);
        foreach (var json in new[] { false, true })
        {
            string[] asJson = json ? ["--json"] : [];
            await RunAsync(ExitCodes.Success, ["sweep", "watch", id, .. asJson, .. redis]);
            await RunAsync(ExitCodes.Success, ["sweep", "list", .. asJson, .. redis]);
            await RunAsync(ExitCodes.Success, ["sweep", "show", id, .. asJson, .. redis]);
            await RunAsync(ExitCodes.Success, ["sweep", "report", id, "--out", folder.File($"report-{json}"), .. asJson, .. redis]);
            await RunAsync(ExitCodes.Success, ["sweep", "compare", id, "linear-20", "constant-20", .. asJson, .. redis]);
            await RunAsync(ExitCodes.Success, ["sweep", "cancel", id, .. asJson, .. redis]);
            await RunAsync(ExitCodes.Success, ["sweep", "list", .. asJson, .. ids], fromEnvironment);
            await RunAsync(ExitCodes.Success, ["sweep", "list", .. asJson, .. ids], passwordInEnvironment);
        }

        int[] retried = [ExitCodes.Success, ExitCodes.UsageError]; // a completed sweep has nothing to retry
        await RunAsync(ExitCodes.Success, ["sweep", "retry", id, .. redis], expectOneOf: retried);
        await RunAsync(ExitCodes.Success, ["sweep", "retry", id, "--json", .. redis], expectOneOf: retried);
        await RunAsync(ExitCodes.Success, ["sweep", "list", "--limit", "1", .. redis]);
        await RunAsync(ExitCodes.Success, ["sweep", "delete", id, .. redis]);
        await RunAsync(ExitCodes.SweepNotFound, ["sweep", "delete", id, "--json", .. redis]);

        // Failure paths, each through the code that builds its message.
        var nobody = $"127.0.0.1:{ClosedPort()}";
        await RunAsync(ExitCodes.SweepNotFound, ["sweep", "show", "20200101-000000-000000", .. redis]);
        await RunAsync(ExitCodes.SweepNotFound, ["sweep", "watch", "20200101-000000-000000", "--json", .. redis]);
        await RunAsync(ExitCodes.ClusterUnreachable, ["sweep", "list", .. wrong]);
        await RunAsync(ExitCodes.ClusterUnreachable, ["sweep", "start", "-f", spec, "--json", .. wrong]);
        await RunAsync(ExitCodes.ClusterUnreachable, ["sweep", "list", "--redis", $"{nobody},password={cluster.Password}", "--connect-timeout", "3"]);
        await RunAsync(ExitCodes.ClusterUnreachable, ["sweep", "start", "-f", spec, "--redis", $"{nobody},password={cluster.Password}", "--connect-timeout", "3"]);
        await RunAsync(ExitCodes.ClusterUnreachable, ["sweep", "show", id, "--json", "--connect-timeout", "3"],
            new() { ["ANNEAL_REDIS"] = nobody, ["ANNEAL_REDIS_PASSWORD"] = cluster.Password });
        await RunAsync(ExitCodes.UsageError, ["sweep", "list", .. redis, "--gateway", "127.0.0.1:30000"]);
        await RunAsync(ExitCodes.UsageError, ["sweep", "start", "-f", spec, "--local", .. redis]);
        await RunAsync(ExitCodes.UsageError, ["sweep", "list", "--redis", cluster.ConnectionString, "--connect-timeout", "0"]);
        await RunAsync(ExitCodes.UsageError, ["sweep", "list", "--redis", cluster.ConnectionString, "--redis-password-file", folder.File("missing")]);
        await RunAsync(ExitCodes.UsageError, ["sweep", "list", "--gateway", "127.0.0.1:30000", "--redis-password-file", passwordFile]);
        await RunAsync(ExitCodes.UsageError, ["sweep", "list", "--redis", $"127.0.0.1:{cluster.RedisPort},password={cluster.Password},bogus=1"]);
        await RunAsync(ExitCodes.UsageError, ["sweep", "compare", id, "linear-20", "nope-20", .. redis], expectOneOf: [ExitCodes.UsageError, ExitCodes.SweepNotFound]);

        // The commands that take no cluster, with the secret in their environment.
        await RunAsync(ExitCodes.Success, ["info"], fromEnvironment);
        await RunAsync(ExitCodes.Success, ["info", "--json"], fromEnvironment);
        await RunAsync(ExitCodes.Success, ["variants"], fromEnvironment);
        await RunAsync(ExitCodes.Success, ["data", "list", "--json"], fromEnvironment);
        await RunAsync(ExitCodes.Success, ["train", "--variant", "constant", "--steps", "2", "--dataset", "synthetic", "--batch", "8", "--out", folder.File("run"), "--json"], fromEnvironment);
        await RunAsync(ExitCodes.Success, ["bench", "--steps", "1", "--warmup", "0", "--batch", "8", "--json"], fromEnvironment);
        var offlineData = new Dictionary<string, string?>(fromEnvironment)
        {
            ["ANNEAL_CACHE"] = folder.File("cache"),
            ["ANNEAL_DATA_MIRROR"] = $"http://{nobody}/",
        };
        await RunAsync(ExitCodes.DataError, ["data", "fetch", "fashion-mnist"], offlineData);
        await RunAsync(ExitCodes.Success, ["data", "clean"], offlineData);
        await RunAsync(ExitCodes.Success, ["--help"], fromEnvironment);
        await RunAsync(ExitCodes.Success, ["sweep", "start", "--help"], fromEnvironment);

        // What each command showed the user, kept with ANNEAL_KEEP_TEST_OUTPUT=1 (secrets masked).
        File.WriteAllLines(folder.File("transcript.txt"), _printed.Select(p => Masked($"$ {p.Command}\n{p.Output}")));
        foreach (var file in Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories).Where(f => f != passwordFile))
            _printed.Add(($"(file written) {file}", Encoding.UTF8.GetString(File.ReadAllBytes(file))));
        var leaks = _printed.Where(p => p.Output.Contains(cluster.Password, StringComparison.Ordinal) || p.Output.Contains(WrongPassword, StringComparison.Ordinal))
            .Select(p => $"{p.Command}\n{p.Output}").ToList();
        Assert.True(leaks.Count == 0, $"the Redis password was printed by:\n{string.Join("\n---\n", leaks)}");
    }

    private async Task<AnnealProcess.Result> RunAsync(int expected, string[] args, Dictionary<string, string?>? environment = null, int[]? expectOneOf = null)
    {
        var result = await AnnealProcess.RunAsync(args, Timeout, environment);
        var command = "anneal " + string.Join(' ', args);
        _printed.Add((command, $"{result.Stdout}{result.Stderr}(exit {result.ExitCode})"));
        // Each command must take the path it is here for; the exit code proves it.
        Assert.True((expectOneOf ?? [expected]).Contains(result.ExitCode), $"{command} (expected exit {expected})\n{Masked(result.ToString())}");
        return result;
    }

    // A failed assertion's own message must not be the leak.
    private string Masked(string text) => text.Replace(cluster.Password, "***").Replace(WrongPassword, "***");

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
