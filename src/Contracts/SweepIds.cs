using System.Security.Cryptography;

namespace Anneal.Contracts;

/// <summary>Sweep and run identifiers; ids are short enough to type and sort by creation time.</summary>
public static class SweepIds
{
    /// <summary>A new sweep id such as "20261129-144715-3fa2c1".</summary>
    public static string New(DateTimeOffset? now = null) =>
        $"{(now ?? DateTimeOffset.UtcNow).UtcDateTime:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    /// <summary>The id of run <paramref name="index"/> of a sweep, e.g. "20261129-144715-3fa2c1/r007".</summary>
    public static string RunId(string sweepId, int index) => $"{sweepId}/r{index:D3}";

    /// <summary>The sweep a run id belongs to.</summary>
    public static string SweepOf(string runId)
    {
        var slash = runId.LastIndexOf('/');
        if (slash <= 0) throw new ArgumentException($"'{runId}' is not a run id", nameof(runId));
        return runId[..slash];
    }

    /// <summary>Null when <paramref name="sweepId"/> can be a sweep id, else why not.</summary>
    public static string? Check(string sweepId) =>
        string.IsNullOrWhiteSpace(sweepId) ? "a sweep id must not be empty"
        : sweepId.Length > 64 ? "a sweep id must be at most 64 characters"
        : sweepId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? null
        : $"'{sweepId}' is not a sweep id (letters, digits, '-', '_', '.')";
}
