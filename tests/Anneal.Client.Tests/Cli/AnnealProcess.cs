using System.Diagnostics;
using System.Text;

namespace Anneal.Client.Tests.Cli;

/// <summary>Runs the built <c>anneal</c> binary as a user would, capturing its exit code and both streams.</summary>
public sealed class AnnealProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly string _commandLine;

    private AnnealProcess(Process process, string commandLine)
    {
        _process = process;
        _commandLine = commandLine;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    /// <summary>The apphost copied next to the tests by the project reference.</summary>
    public static string Binary => Path.Combine(AppContext.BaseDirectory, "anneal");

    public int Id => _process.Id;

    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }

    /// <param name="workingDirectory">Where relative outputs (./sweeps) would go; default the test binaries' folder.</param>
    public static AnnealProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
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
        foreach (var variable in new[] { "ANNEAL_GATEWAY", "ANNEAL_REDIS", "ANNEAL_REDIS_PASSWORD", "ANNEAL_CLUSTER_ID", "ANNEAL_SERVICE_ID", "ANNEAL_DATA_MIRROR", "ANNEAL_CACHE" })
            start.Environment.Remove(variable);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            start.Environment[name] = value;
        return new AnnealProcess(Process.Start(start)!, "anneal " + string.Join(' ', start.ArgumentList));
    }

    public static async Task<Result> RunAsync(IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null)
    {
        using var process = Start(args, environment, workingDirectory);
        return await process.WaitAsync(timeout);
    }

    public static Task<Result> RunAsync(params string[] args) => RunAsync(args, TimeSpan.FromSeconds(60));

    /// <summary>Waits until stdout contains <paramref name="text"/>, or fails saying what was printed instead.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Stdout.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new TimeoutException($"{_commandLine} did not print '{text}' within {timeout}; printed:\n{Stdout}\n{_stderr}");
            await Task.Delay(50);
        }
    }

    /// <summary>Ctrl-C, as a terminal sends it.</summary>
    public void Interrupt() => Process.Start("kill", ["-INT", Id.ToString()])!.WaitForExit();

    public async Task<Result> WaitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            throw new TimeoutException($"{_commandLine} did not exit within {timeout}:\n{Stdout}\n{_stderr}");
        }
        _process.WaitForExit(); // drains the asynchronous readers
        return new Result(_process.ExitCode, Stdout, _stderr.ToString());
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
