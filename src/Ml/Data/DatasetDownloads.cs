namespace Anneal.Ml.Data;

/// <summary>
/// Where each downloadable dataset comes from, and its files' checksums. <c>ANNEAL_DATA_MIRROR</c> replaces every
/// dataset's base URL with one holding the files under their canonical names (http(s) or file://).
/// </summary>
public static class DatasetDownloads
{
    public const string MirrorVariable = "ANNEAL_DATA_MIRROR";
    public const string FashionMnistUrl = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
    public const string Cifar10Url = "https://www.cs.toronto.edu/~kriz/";

    /// <summary>
    /// Fashion-MNIST's four files: the MD5 sums in the dataset's README (github.com/zalandoresearch/fashion-mnist),
    /// then those of Debian's dataset-fashion-mnist 0.0~git20200523.55506a9-1 (the same images, gzipped anew).
    /// The test labels come last: their presence is what marks a folder as holding the dataset.
    /// </summary>
    public static IReadOnlyList<DatasetFile> FashionMnistFiles { get; } =
    [
        new("train-images-idx3-ubyte.gz", ["8d4fb7e6c68d591d4c3dfef9ec88bf0d", "cf8536b0aa1a6ac5fa3f23001093305c"]),
        new("train-labels-idx1-ubyte.gz", ["25c81989df183df01b3e8a0aad5dffbe", "10bea18fdb374794d4bb42e356e600c9"]),
        new("t10k-images-idx3-ubyte.gz", ["bef4ecab320f06d8554ea6380940ec79", "f78720b4224f21cce2f2ccf2d7a94c9a"]),
        new("t10k-labels-idx1-ubyte.gz", ["bb300cfdad3c16e7a12a480ee83cd310", "0d30e22e447f3c33dab9ed536400ac01"]),
    ];

    /// <summary>The base URL for <paramref name="dataset"/>: the mirror when one is set, else the publisher's.</summary>
    public static Uri BaseUrl(string dataset, Func<string, string?>? environment = null)
    {
        var mirror = (environment ?? Environment.GetEnvironmentVariable)(MirrorVariable);
        var url = !string.IsNullOrWhiteSpace(mirror) ? mirror : dataset == DatasetCatalog.Cifar10 ? Cifar10Url : FashionMnistUrl;
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri))
            throw new DatasetException($"{MirrorVariable}='{mirror}' is not an absolute URL (e.g. http://host/datasets/ or file:///srv/datasets/)");
        return uri;
    }
}
