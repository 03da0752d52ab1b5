using System.CommandLine;
using System.Globalization;
using Anneal.Client.Cluster;

namespace Anneal.Client.Cli;

/// <summary>
/// How a command finds the cluster: --gateway or --redis, else ANNEAL_GATEWAY or ANNEAL_REDIS, else the default
/// gateway on this machine. A flag beats an environment variable; two ways at once is a usage error.
/// </summary>
public sealed class ConnectionOptions
{
    public const string GatewayVariable = "ANNEAL_GATEWAY";
    public const string RedisVariable = "ANNEAL_REDIS";
    public const string ClusterIdVariable = "ANNEAL_CLUSTER_ID";
    public const string ServiceIdVariable = "ANNEAL_SERVICE_ID";
    public const string RedisPasswordVariable = "ANNEAL_REDIS_PASSWORD";

    private readonly Option<string?> _gateway = new("--gateway")
    {
        Description = $"Cluster gateway as host:port (env {GatewayVariable}; default {ClusterTarget.DefaultGateway})",
        HelpName = "host:port",
    };

    private readonly Option<string?> _redis = new("--redis")
    {
        Description = $"Redis connection string of a cluster that uses Redis clustering (env {RedisVariable})",
        HelpName = "connection",
    };

    private readonly Option<FileInfo?> _redisPasswordFile = new("--redis-password-file")
    {
        Description = $"File whose first line is the Redis password, so it stays out of shell history (env {RedisPasswordVariable} holds it directly)",
        HelpName = "FILE",
    };

    private readonly Option<string?> _clusterId = new("--cluster-id")
    {
        Description = $"Orleans cluster id of the silos (env {ClusterIdVariable}; default {ClusterTarget.DefaultClusterId})",
    };

    private readonly Option<string?> _serviceId = new("--service-id")
    {
        Description = $"Orleans service id of the silos (env {ServiceIdVariable}; default {ClusterTarget.DefaultServiceId})",
    };

    private readonly Option<double> _connectTimeout = new("--connect-timeout")
    {
        Description = "Seconds to wait for the cluster before giving up",
        DefaultValueFactory = _ => ClusterTarget.DefaultConnectTimeout.TotalSeconds,
        HelpName = "seconds",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _gateway, _redis, _redisPasswordFile, _clusterId, _serviceId, _connectTimeout })
            command.Options.Add(option);
    }

    /// <summary>Whether the command line names a cluster (environment variables aside).</summary>
    public bool IsGiven(ParseResult parse) => parse.GetResult(_gateway) is not null || parse.GetResult(_redis) is not null;

    public ClusterTarget Resolve(ParseResult parse, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var (gateway, redis) = (parse.GetValue(_gateway), parse.GetValue(_redis));
        if (gateway is not null && redis is not null)
            throw new CliException(ExitCodes.UsageError, "Give --gateway or --redis, not both");
        if (gateway is null && redis is null)
        {
            (gateway, redis) = (Blank(environment(GatewayVariable)), Blank(environment(RedisVariable)));
            if (gateway is not null && redis is not null)
                throw new CliException(ExitCodes.UsageError, $"{GatewayVariable} and {RedisVariable} are both set; unset one or pass --gateway or --redis");
        }
        redis = WithPassword(redis, parse.GetValue(_redisPasswordFile), Blank(environment(RedisPasswordVariable)));
        var timeout = parse.GetValue(_connectTimeout);
        if (!double.IsFinite(timeout) || timeout <= 0 || timeout > 600)
            throw new CliException(ExitCodes.UsageError, $"--connect-timeout must be between 0 and 600 seconds, got {timeout.ToString(CultureInfo.InvariantCulture)}");
        return new ClusterTarget
        {
            Gateway = gateway,
            Redis = redis,
            ClusterId = parse.GetValue(_clusterId) ?? Blank(environment(ClusterIdVariable)) ?? ClusterTarget.DefaultClusterId,
            ServiceId = parse.GetValue(_serviceId) ?? Blank(environment(ServiceIdVariable)) ?? ClusterTarget.DefaultServiceId,
            ConnectTimeout = TimeSpan.FromSeconds(timeout),
        };
    }

    /// <summary>The connection string with the password from --redis-password-file or the environment added.</summary>
    private static string? WithPassword(string? redis, FileInfo? passwordFile, string? passwordVariable)
    {
        if (passwordFile is null && passwordVariable is null) return redis;
        if (redis is null)
        {
            if (passwordFile is null) return null;
            throw new CliException(ExitCodes.UsageError, "--redis-password-file needs --redis (or ANNEAL_REDIS): a gateway takes no password");
        }
        string password;
        if (passwordFile is not null)
        {
            try
            {
                password = File.ReadLines(passwordFile.FullName).FirstOrDefault()?.Trim() ?? "";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException(ExitCodes.UsageError, $"Cannot read the Redis password file {passwordFile.FullName}: {e.GetType().Name}");
            }
            if (password.Length == 0) throw new CliException(ExitCodes.UsageError, $"The Redis password file {passwordFile.FullName} is empty");
        }
        else
        {
            password = passwordVariable!;
        }
        var options = RedisConnectionString.Parse(redis);
        options.Password = password;
        return options.ToString(includePassword: true);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
