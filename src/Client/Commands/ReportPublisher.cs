using Anneal.Client.Cli;
using Anneal.Client.Cluster;
using Anneal.Client.Reports;
using Anneal.Contracts.Sweeps;

namespace Anneal.Client.Commands;

/// <summary>Reads a sweep's curves from the cluster and writes its report, for <c>sweep start</c> and <c>sweep report</c>.</summary>
internal static class ReportPublisher
{
    public static async Task<(SweepReport Report, ReportWrittenJson Written)> WriteAsync(
        SweepOperations sweeps, SweepSummary summary, string directory, int? smoothingWindow, double? minEffect)
    {
        var record = await sweeps.ReadRecordAsync(summary);
        try
        {
            var (report, files) = ReportWriter.Write(record, directory, smoothingWindow, minEffect: minEffect);
            return (report, new ReportWrittenJson(summary.SweepId, directory, Path.Combine(directory, ReportWriter.MarkdownFile), files));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InternalError, $"Cannot write the report into {directory}: {e.Message}", e);
        }
    }
}
