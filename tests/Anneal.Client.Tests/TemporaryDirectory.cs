namespace Anneal.Client.Tests;

/// <summary>A fresh folder per test, removed afterwards unless ANNEAL_KEEP_TEST_OUTPUT=1 (to look at the figures).</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory(string? name = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "anneal-tests", $"{name ?? "test"}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("ANNEAL_KEEP_TEST_OUTPUT") != "1" && Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
