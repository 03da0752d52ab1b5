using System.Collections.Concurrent;
using Anneal.Deploy.Tests.Infrastructure;

namespace Anneal.Deploy.Tests.Kubernetes;

/// <summary>Renders each overlay once with Debian's `kubectl kustomize` and shares the result between tests.</summary>
public sealed class Overlays
{
    public const string Cpu = "overlays/cpu";
    public const string Gpu = "overlays/gpu";
    public const string GpuHpa = "overlays/gpu-hpa";

    public static readonly IReadOnlyList<string> Names = [Cpu, Gpu, GpuHpa];
    public static readonly TheoryData<string> All = new(Names);
    public static readonly TheoryData<string> WithGpu = new(Gpu, GpuHpa);

    private readonly ConcurrentDictionary<string, Lazy<Task<RenderedOverlay>>> _rendered = new();

    public Task<RenderedOverlay> RenderAsync(string overlay) =>
        _rendered.GetOrAdd(overlay, o => new Lazy<Task<RenderedOverlay>>(() => RenderNowAsync(o))).Value;

    /// <summary>
    /// Renders the base with these components (paths under deploy/k8s), as an operator's own overlay would: for
    /// components no shipped overlay includes.
    /// </summary>
    public static async Task<RenderedOverlay> RenderWithComponentsAsync(params string[] components)
    {
        var directory = Directory.CreateTempSubdirectory("anneal-overlay-").FullName;
        try
        {
            // kustomize accepts only relative paths to bases and components.
            string Relative(string path) => Path.GetRelativePath(directory, RepositoryPaths.Kustomize(path));
            await File.WriteAllTextAsync(Path.Combine(directory, "kustomization.yaml"), $"""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: anneal
                resources: [{Relative("base")}]
                components: [{string.Join(", ", components.Select(Relative))}]
                """);
            return await RenderNowAsync(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<RenderedOverlay> RenderNowAsync(string overlay)
    {
        var result = await ExternalCommand.RunAsync("kubectl", ["kustomize", Path.IsPathRooted(overlay) ? overlay : RepositoryPaths.Kustomize(overlay)], TimeSpan.FromMinutes(1));
        Assert.True(result.ExitCode == 0, result.Describe());
        var objects = YamlDocuments.Parse(result.StandardOutput).Select(body => new KubernetesObject(body)).ToList();
        return new RenderedOverlay(overlay, objects);
    }
}
