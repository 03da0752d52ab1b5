using System.Net;
using Anneal.Contracts;
using Microsoft.Extensions.Options;

namespace Anneal.Silo.Hosting;

/// <summary>Checks the silo's options and names every problem with the switch that fixes it.</summary>
public sealed class AnnealSiloOptionsValidator : IValidateOptions<AnnealSiloOptions>
{
    public ValidateOptionsResult Validate(string? name, AnnealSiloOptions options)
    {
        var errors = new List<string>();
        CheckRedis(options, errors);
        CheckPort("--silo-port", options.SiloPort, allowZero: false, errors);
        CheckPort("--gateway-port", options.GatewayPort, allowZero: false, errors);
        CheckPort("--http-port", options.HttpPort, allowZero: true, errors);
        var ports = new[] { options.SiloPort, options.GatewayPort, options.HttpPort }.Where(p => p != 0).ToArray();
        if (ports.Distinct().Count() != ports.Length)
            errors.Add($"--silo-port, --gateway-port and --http-port must differ, got {options.SiloPort}, {options.GatewayPort}, {options.HttpPort}");
        if (options.AdvertisedAddress is { } address && !IPAddress.TryParse(address, out _))
            errors.Add($"--advertise must be an IP address, got '{address}'");
        if (options.Slots is < 1 or > 256)
            errors.Add($"--slots must be between 1 and 256, got {options.Slots}");
        if (options.Threads is < 1 or > 1024)
            errors.Add($"--threads must be between 1 and 1024, got {options.Threads}");
        if (options.Device is not ("cpu" or "cuda" or "auto"))
            errors.Add($"--device must be cpu, cuda or auto, got '{options.Device}'");
        if (string.IsNullOrWhiteSpace(options.Checkpoints))
            errors.Add("--checkpoints must be a folder or 'redis'");
        else if (options.Clustering != ClusteringMode.Localhost && !options.CheckpointsInRedis && !options.CheckpointsShared)
            errors.Add($"--checkpoints {options.Checkpoints} is a folder on this machine, which the other silos of a --clustering {options.Clustering.ToString().ToLowerInvariant()} cluster cannot read: " +
                "use --checkpoints redis, or --checkpoints-shared true if every silo mounts the same folder");
        if (options.DatasetCacheSize is < 1 or > 64)
            errors.Add($"--dataset-cache must be between 1 and 64 datasets, got {options.DatasetCacheSize}");
        if (string.IsNullOrWhiteSpace(options.ClusterId)) errors.Add("--cluster-id must not be empty");
        if (string.IsNullOrWhiteSpace(options.ServiceId)) errors.Add("--service-id must not be empty");
        if (SweepIds.Check(options.Pool) is not null)
            errors.Add($"--pool must be 1 to 64 letters, digits, '-', '_' or '.', got '{options.Pool}'");
        if (options.RenewInterval <= TimeSpan.Zero)
            errors.Add($"Anneal:RenewInterval must be positive, got {options.RenewInterval}");
        if (options.LeaseDuration < options.RenewInterval * 3)
            errors.Add($"Anneal:LeaseDuration ({options.LeaseDuration}) must be at least three renew intervals ({options.RenewInterval})");
        if (options.StallTime < options.RenewInterval * 2)
            errors.Add($"--stall-time ({options.StallTime}) must be at least two renew intervals ({options.RenewInterval}): the trainer's progress is looked at once per renewal");
        if (options.TestFaults)
        {
            try
            {
                Workers.TestFaults.Parse(Environment.GetEnvironmentVariable(Workers.TestFaults.Variable));
            }
            catch (ArgumentException e)
            {
                errors.Add(e.Message);
            }
        }
        if (options.PollInterval <= TimeSpan.Zero)
            errors.Add($"Anneal:PollInterval must be positive, got {options.PollInterval}");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckRedis(AnnealSiloOptions options, List<string> errors)
    {
        if (!options.UsesRedis) return;
        var users = new List<string>();
        if (options.Clustering != ClusteringMode.Localhost) users.Add($"--clustering {options.Clustering.ToString().ToLowerInvariant()}");
        if (options.Storage == StorageMode.Redis) users.Add("--storage redis");
        if (options.CheckpointsInRedis) users.Add("--checkpoints redis");
        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            errors.Add($"{string.Join(", ", users)} needs --redis CONNECTION (e.g. host:6379,password=…)");
            return;
        }
        try
        {
            var parsed = RedisConnection.Parse(options.Redis);
            // Local mode may use a password-less Redis on the same machine; a cluster may not.
            if (options.Clustering != ClusteringMode.Localhost && string.IsNullOrEmpty(parsed.Password))
                errors.Add("--redis must carry a password (…,password=SECRET) outside localhost clustering");
        }
        catch (ArgumentException e)
        {
            errors.Add(e.Message);
        }
    }

    private static void CheckPort(string name, int port, bool allowZero, List<string> errors)
    {
        if (port < (allowZero ? 0 : 1) || port > 65535)
            errors.Add($"{name} must be between {(allowZero ? 0 : 1)} and 65535, got {port}");
    }
}
