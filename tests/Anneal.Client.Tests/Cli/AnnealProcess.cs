using System.Diagnostics;
using System.Text;

namespace Anneal.Client.Tests.Cli;

/// <summary>Runs the built <c>anneal</c> binary as a user would, capturing its exit code and both streams.</summary>
public static class AnnealProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    /// <summary>The apphost copied next to the tests by the project reference.</summary>
    public static string Binary => Path.Combine(AppContext.BaseDirectory, "anneal");

    public static async Task<Result> RunAsync(IEnumerable<string> args, TimeSpan timeout, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // A developer's own cluster settings must not leak into the tests.
        foreach (var variable in new[] { "ANNEAL_GATEWAY", "ANNEAL_REDIS", "ANNEAL_CLUSTER_ID", "ANNEAL_SERVICE_ID" })
            start.Environment.Remove(variable);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"anneal {string.Join(' ', args)} did not exit within {timeout}:\n{stdout}\n{stderr}");
        }
        process.WaitForExit(); // drains the asynchronous readers
        return new Result(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    public static Task<Result> RunAsync(params string[] args) => RunAsync(args, TimeSpan.FromSeconds(60));
}
