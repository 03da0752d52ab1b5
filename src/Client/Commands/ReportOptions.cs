using System.CommandLine;

namespace Anneal.Client.Commands;

/// <summary>Where a report goes and how it smooths, shared by <c>sweep start</c> and <c>sweep report</c>.</summary>
internal sealed class ReportOptions
{
    public Option<DirectoryInfo?> Out { get; } = new("--out", "-o")
    {
        Description = "Folder for the report (default ./sweeps/<id>/)",
        HelpName = "DIR",
    };

    public Option<int?> Smooth { get; } = new("--smooth")
    {
        Description = "Moving-average window in steps (default: the spec's smoothingWindow, or 1% of the longest run)",
        HelpName = "steps",
    };

    public Option<double?> MinEffect { get; } = MinEffectOption.Create();

    public ReportOptions() =>
        Smooth.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
                result.AddError("--smooth must be at least 1 step");
        });

    public void AddTo(Command command)
    {
        command.Options.Add(Out);
        command.Options.Add(Smooth);
        command.Options.Add(MinEffect);
    }

    public string Directory(ParseResult parse, string sweepId) =>
        parse.GetValue(Out)?.FullName ?? Path.GetFullPath(Path.Combine("sweeps", sweepId));
}
