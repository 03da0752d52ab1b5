namespace Anneal.Deploy.Tests.Infrastructure;

public sealed record CommandResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public string Describe() => $"`{Command}` exited {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
