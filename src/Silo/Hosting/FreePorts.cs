using System.Net;
using System.Net.Sockets;

namespace Anneal.Silo.Hosting;

/// <summary>Loopback ports nobody is listening on right now.</summary>
public static class FreePorts
{
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
