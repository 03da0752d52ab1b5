using System.Net.Sockets;
using Anneal.Deploy.Tests.Infrastructure;

namespace Anneal.Deploy.Tests.EndToEnd;

/// <summary>
/// Debian's redis-server serving TLS only (no plaintext port) on a free loopback port, with a password and a
/// certificate for 127.0.0.1 signed by a throw-away CA made with openssl, as deploy/k8s/components/redis-tls sets it up.
/// </summary>
public sealed class TlsRedisServer : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _directory;

    private TlsRedisServer(ChildProcess process, string directory, int port, string password)
    {
        _process = process;
        _directory = directory;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string Password { get; }

    public string CaCertificate => Path.Combine(_directory, "ca.crt");

    public static async Task<TlsRedisServer> StartAsync(TimeSpan timeout)
    {
        var directory = Directory.CreateTempSubdirectory("anneal-redis-tls-").FullName;
        await OpenSsl(directory, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "1", "-subj", "/CN=anneal-test-ca");
        await OpenSsl(directory, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "redis.key", "-out", "redis.csr", "-subj", "/CN=127.0.0.1");
        await File.WriteAllTextAsync(Path.Combine(directory, "san.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        await OpenSsl(directory, "x509", "-req", "-in", "redis.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "redis.crt", "-days", "1", "-extfile", "san.cnf");

        var port = FreePort.Next();
        var password = Guid.NewGuid().ToString("N");
        var config = Path.Combine(directory, "redis.conf");
        // The password goes in a file, as in Kubernetes, not on the command line.
        await File.WriteAllTextAsync(config, $"""
            bind 127.0.0.1
            port 0
            tls-port {port}
            tls-cert-file {directory}/redis.crt
            tls-key-file {directory}/redis.key
            tls-ca-cert-file {directory}/ca.crt
            tls-auth-clients no
            requirepass "{password}"
            save ""
            appendonly no
            dir {directory}
            """);
        var process = ChildProcess.Start("redis-server", "redis-server", [config]);
        var server = new TlsRedisServer(process, directory, port, password);
        try
        {
            await Wait.UntilAsync(() => Task.FromResult(server.Accepts()), timeout, () => $"redis-server listening on {port}\n{process.RecentOutput}");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The system's CAs plus this server's, as the silo pods join them at start (SSL_CERT_FILE).</summary>
    public async Task<string> WriteTrustBundleAsync()
    {
        var bundle = Path.Combine(_directory, "ca-bundle.crt");
        var system = await File.ReadAllTextAsync("/etc/ssl/certs/ca-certificates.crt");
        await File.WriteAllTextAsync(bundle, system + await File.ReadAllTextAsync(CaCertificate));
        return bundle;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private bool Accepts()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"redis-server exited:\n{_process.RecentOutput}");
        }

        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task OpenSsl(string directory, params string[] arguments)
    {
        var result = await ExternalCommand.RunAsync("openssl", arguments, TimeSpan.FromMinutes(1), directory);
        Assert.True(result.ExitCode == 0, result.Describe());
    }
}
