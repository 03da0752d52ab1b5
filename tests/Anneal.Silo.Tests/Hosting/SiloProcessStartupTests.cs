using System.Diagnostics;

namespace Anneal.Silo.Tests.Hosting;

public sealed class SiloProcessStartupTests
{
    [Fact]
    public async Task BadConfiguration_ExitsWithOneClearLine_AndNoStackTrace()
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "Anneal.Silo"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var arg in new[] { "--clustering", "redis", "--redis", "10.0.0.1:6379,password=hunter2x", "--slots", "0" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith("anneal-silo: --slots must be between 1 and 256, got 0", error);
        Assert.DoesNotContain("hunter2x", error);
        Assert.DoesNotContain("   at ", error);
    }
}
