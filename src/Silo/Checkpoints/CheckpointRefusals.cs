using Microsoft.Extensions.Logging;

namespace Anneal.Silo.Checkpoints;

/// <summary>Logs a refused checkpoint location, its control characters escaped (the text comes from a caller).</summary>
public static partial class CheckpointRefusals
{
    public static CheckpointLocationException Refuse(ILogger logger, string operation, string runId, string location, string reason)
    {
        var shown = Printable(location);
        LogRefused(logger, operation, Printable(runId), shown, reason);
        return new CheckpointLocationException($"refused to {operation} checkpoint '{shown}' for run {Printable(runId)}: {reason}");
    }

    private static string Printable(string text)
    {
        var clipped = text.Length > 300 ? text[..300] + "…" : text;
        return string.Concat(clipped.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Refused to {Operation} checkpoint location {Location} for run {RunId}: {Reason}. Nothing was read or deleted; a client may be committing locations the silos never wrote")]
    private static partial void LogRefused(ILogger logger, string operation, string runId, string location, string reason);
}
