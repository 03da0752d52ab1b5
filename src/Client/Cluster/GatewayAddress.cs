using System.Net;
using System.Net.Sockets;
using Anneal.Client.Cli;

namespace Anneal.Client.Cluster;

/// <summary>Parses "host:port" (a name, an IPv4 address or a bracketed IPv6 address) into an endpoint.</summary>
internal static class GatewayAddress
{
    public static async Task<IPEndPoint> ResolveAsync(string gateway, CancellationToken cancellationToken)
    {
        var colon = gateway.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(gateway[(colon + 1)..], out var port) || port is < 1 or > 65535)
            throw new CliException(ExitCodes.UsageError, $"--gateway must be host:port, got '{gateway}'");
        var host = gateway[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var address))
            return new IPEndPoint(address, port);
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.First();
            return new IPEndPoint(chosen, port);
        }
        catch (SocketException e)
        {
            throw new CliException(ExitCodes.ClusterUnreachable, $"Cannot resolve gateway host '{host}': {e.Message}", e);
        }
    }
}
