using System.Security.Cryptography;
using System.Text;

namespace Anneal.Silo.Checkpoints;

/// <summary>
/// Signs the checkpoint locations a store hands out, and checks them when they come back. A location travels through
/// the run grain, which any client reaching the gateway can call; the signature (HMAC-SHA256 over run id and
/// location, keyed by a secret only the silos' store holds) means a silo reads and deletes only locations its store
/// wrote for that very run.
/// </summary>
public sealed class CheckpointSigner(byte[] key)
{
    public const int KeyBytes = 32;
    private const char Separator = '#';

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyBytes);

    /// <returns><paramref name="location"/> with its signature appended.</returns>
    public string Sign(string runId, string location) => location + Separator + Mac(runId, location);

    /// <returns>The location without its signature.</returns>
    /// <exception cref="CheckpointLocationException">Unsigned, or signed for another run or by another key.</exception>
    public string Verify(string runId, string signed)
    {
        var at = signed.LastIndexOf(Separator);
        if (at < 0) throw new CheckpointLocationException("it carries no signature");
        var location = signed[..at];
        var expected = Encoding.ASCII.GetBytes(Mac(runId, location));
        var actual = Encoding.ASCII.GetBytes(signed[(at + 1)..]);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
            throw new CheckpointLocationException("its signature does not match this run");
        return location;
    }

    private string Mac(string runId, string location) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(runId + "\n" + location)));
}
