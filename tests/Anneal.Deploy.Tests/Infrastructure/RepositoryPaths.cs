namespace Anneal.Deploy.Tests.Infrastructure;

/// <summary>Paths in the repository under test, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Deploy => Path.Combine(Root, "deploy");

    public static string Kustomize(string relative) => Path.Combine(Deploy, "k8s", relative);

    public static string Prometheus(string file) => Path.Combine(Deploy, "prometheus", file);

    public static string Grafana(string relative) => Path.Combine(Deploy, "grafana", relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")) && Directory.Exists(Path.Combine(dir.FullName, "deploy")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (Directory.Packages.props beside deploy/) above {AppContext.BaseDirectory}");
    }
}
