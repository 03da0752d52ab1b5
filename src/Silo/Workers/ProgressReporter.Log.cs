using Anneal.Contracts.Work;
using Microsoft.Extensions.Logging;

namespace Anneal.Silo.Workers;

internal sealed partial class ProgressReporter
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: lease {Epoch} ended by the run ({Verdict}); stopping this attempt")]
    private partial void LogLeaseLost(string runId, long epoch, LeaseVerdict verdict);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId}: could not report progress; stopping this attempt")]
    private partial void LogReportFailed(Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Run {RunId}: progress report failed, retry {Attempt}")]
    private partial void LogRetry(Exception exception, string runId, int attempt);
}
