using StackExchange.Redis;

namespace Anneal.Silo.Hosting;

/// <summary>Parses the Redis connection string once, and describes it without its password.</summary>
public static class RedisConnection
{
    /// <summary>The parsed options, or an error that never repeats the connection string (it may hold a password).</summary>
    public static ConfigurationOptions Parse(string connection)
    {
        try
        {
            var options = ConfigurationOptions.Parse(connection);
            if (options.EndPoints.Count == 0) throw new ArgumentException("it names no host:port");
            return options;
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Anneal:Redis is not a valid Redis connection string: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>Endpoints and whether TLS and a password are used, for logs.</summary>
    public static string Describe(ConfigurationOptions options) =>
        $"{string.Join(",", options.EndPoints)} (tls: {(options.Ssl ? "on" : "off")}, password: {(string.IsNullOrEmpty(options.Password) ? "none" : "set")})";
}
