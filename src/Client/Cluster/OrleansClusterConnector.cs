using Anneal.Client.Cli;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Anneal.Client.Cluster;

/// <summary>
/// Connects an Orleans client to a cluster through a gateway or Redis clustering, failing fast (the target's connect
/// timeout) with one line that says what was tried, rather than Orleans' retries and stack traces.
/// </summary>
public sealed class OrleansClusterConnector(Func<ClusterTarget, CancellationToken, Task<IAnnealCluster>>? startLocal = null) : IClusterConnector
{
    public async Task<IAnnealCluster> ConnectAsync(ClusterTarget target, CancellationToken cancellationToken)
    {
        if (target.Local)
        {
            if (startLocal is null)
                throw new CliException(ExitCodes.UsageError, "--local is not available in this build of anneal");
            return await startLocal(target, cancellationToken);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "anneal" });
        // Orleans logs every failed connection attempt with a stack trace; the CLI says it in one line instead.
        builder.Logging.ClearProviders();
        var redisOptions = target.Redis is null ? null : RedisConnectionString.Parse(target.Redis);
        var endpoint = target.Redis is null ? await GatewayAddress.ResolveAsync(target.Gateway ?? ClusterTarget.DefaultGateway, cancellationToken) : null;
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = target.ClusterId;
                options.ServiceId = target.ServiceId;
            });
            // Notice a frozen or dead silo's gateway within seconds (measured: docs/cluster.md, "Orleans behaviour Anneal relies on").
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
            if (redisOptions is not null)
            {
                client.UseRedisClustering(options =>
                {
                    options.ConfigurationOptions = redisOptions.Clone();
                    options.ConfigurationOptions.ConnectTimeout = (int)target.ConnectTimeout.TotalMilliseconds;
                    options.ConfigurationOptions.AbortOnConnectFail = true;
                });
            }
            else
            {
                client.UseStaticClustering(endpoint!);
            }
        });

        var host = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(target.ConnectTimeout);
        try
        {
            await host.StartAsync(timeout.Token);
            return new HostedCluster(host);
        }
        catch (Exception e) when (e is not CliException)
        {
            host.Dispose();
            if (cancellationToken.IsCancellationRequested)
                throw;
            var reason = timeout.IsCancellationRequested ? $"no answer within {target.ConnectTimeout.TotalSeconds:0.#} s" : RedisConnectionString.Mask(FirstLine(e), target.Redis);
            throw new CliException(ExitCodes.ClusterUnreachable,
                $"Cannot reach an Anneal cluster at {target.Describe()}: {reason}. "
                + "Start one (see README), point at it with --gateway/--redis (or ANNEAL_GATEWAY/ANNEAL_REDIS), or use --local.", e);
        }
    }

    private static string FirstLine(Exception e)
    {
        var innermost = e;
        while (innermost.InnerException is not null && innermost is AggregateException or OrleansException)
            innermost = innermost.InnerException;
        var message = innermost.Message.ReplaceLineEndings(" ").Trim();
        return message.Length > 200 ? message[..200] + "…" : message;
    }
}
