namespace Anneal.Ml.Data;

/// <summary>Where a dataset was found, in the order Anneal looks (see <see cref="DatasetCatalog.Locate"/>).</summary>
public enum DatasetSource
{
    /// <summary>The folder given with --data or in the spec: nothing else is tried.</summary>
    Given,
    /// <summary>The per-user cache that <c>anneal data fetch</c> fills.</summary>
    Cache,
    /// <summary>Debian's dataset package folder (dataset-fashion-mnist).</summary>
    Debian,
    /// <summary>The small Fashion-MNIST subset shipped with Anneal (datasets/fashion-mnist-subset).</summary>
    Embedded,
    /// <summary>The synthetic dataset, made in memory.</summary>
    Generated,
}
