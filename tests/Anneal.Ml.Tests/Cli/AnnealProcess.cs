using System.Diagnostics;

namespace Anneal.Ml.Tests.Cli;

/// <summary>Runs the built <c>anneal</c> executable (copied next to the tests) and captures what it prints.</summary>
internal static class AnnealProcess
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result Run(string workingDirectory, params string[] args) => RunWith(new Dictionary<string, string>(), workingDirectory, args);

    /// <summary>Runs anneal with these environment variables set on top of the test process's own.</summary>
    public static Result RunWith(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, "anneal");
        Assert.True(File.Exists(executable), $"the anneal executable should be built into {AppContext.BaseDirectory}");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // Keep the CIFAR-10 cache inside the test's folder, never the user's.
        start.Environment["ANNEAL_CACHE"] = Path.Combine(workingDirectory, "cache");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // Generous: a few seconds' training took over 3 minutes on two cores shared by a dozen builds and trainings.
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"anneal {string.Join(' ', args)} did not finish within 10 minutes");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
