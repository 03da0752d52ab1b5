namespace Anneal.Ml.Data;

/// <summary>
/// One file of a dataset as its publishers distribute it: its canonical name and the MD5 sums of the copies known
/// to be genuine (the publisher's, and any repackaging with the same content, e.g. Debian's).
/// </summary>
public sealed record DatasetFile(string Name, IReadOnlyList<string> Md5s);
