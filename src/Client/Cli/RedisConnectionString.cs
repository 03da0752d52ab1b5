using Anneal.Silo.Hosting;
using StackExchange.Redis;

namespace Anneal.Client.Cli;

/// <summary>The CLI's --redis value parsed, with an error that never repeats the string (it may hold a password).</summary>
public static class RedisConnectionString
{
    /// <exception cref="CliException">Not a valid connection string (<see cref="ExitCodes.UsageError"/>).</exception>
    public static ConfigurationOptions Parse(string connection)
    {
        try
        {
            return RedisConnection.Parse(connection);
        }
        catch (ArgumentException e)
        {
            throw new CliException(ExitCodes.UsageError, e.Message.Replace("Anneal:Redis", "--redis", StringComparison.Ordinal));
        }
    }

    /// <summary>The message with the connection's password replaced by ***, whatever library wrote it.</summary>
    public static string Mask(string message, string? connection)
    {
        if (connection is null) return message;
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(connection);
        }
        catch (ArgumentException)
        {
            return message.Replace(connection, "***", StringComparison.Ordinal);
        }
        return string.IsNullOrEmpty(options.Password) ? message : message.Replace(options.Password, "***", StringComparison.Ordinal);
    }
}
