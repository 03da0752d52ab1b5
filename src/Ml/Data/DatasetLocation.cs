namespace Anneal.Ml.Data;

/// <summary>Where a dataset will be loaded from, and how it was found.</summary>
public sealed record DatasetLocation(string Dataset, string Path, DatasetSource Source)
{
    /// <summary>One line for the user: which copy a run uses and, for a partial one, how to get the whole set.</summary>
    public string Describe() => Source switch
    {
        DatasetSource.Generated => $"{Dataset}: generated in memory",
        DatasetSource.Embedded =>
            $"{Dataset}: the embedded subset (12,000 train / 2,000 test images) in {Path}; for the full set: anneal data fetch fashion-mnist (with {DatasetDownloads.MirrorVariable} for a local copy), or apt-get install dataset-fashion-mnist",
        DatasetSource.Debian => $"{Dataset}: Debian's full set in {Path}",
        DatasetSource.Cache => $"{Dataset}: the full set in the cache {Path}",
        _ => $"{Dataset}: {Path}",
    };
}
