namespace Anneal.Contracts.Runs;

public static class RunStatusExtensions
{
    public static bool IsTerminal(this RunStatus status) =>
        status is RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled;
}
