namespace Anneal.Client.Reports;

public enum RunStatus { Queued, Running, Completed, Failed, Cancelled }
