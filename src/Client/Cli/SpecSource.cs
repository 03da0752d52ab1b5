using System.CommandLine;
using System.Globalization;
using Anneal.Contracts.Specs;
using Anneal.Vocabulary;

namespace Anneal.Client.Cli;

/// <summary>
/// Where <c>sweep start</c> gets its spec: a preset or a file (exactly one), with --dataset, --data and --seeds
/// replacing the spec's dataset, data folder and seeds. Every problem is reported at once, each naming its field.
/// </summary>
public sealed class SpecSource
{
    public Option<string?> Preset { get; } = new("--preset")
    {
        Description = $"A built-in sweep: {string.Join(" or ", SweepPresets.Names)}",
        HelpName = "name",
    };

    public Option<FileInfo?> File { get; } = new("--file", "-f")
    {
        Description = "A sweep spec file (JSON; see docs/cli.md)",
        HelpName = "sweep.json",
    };

    public Option<string?> Dataset { get; } = new("--dataset")
    {
        Description = $"Dataset to train on, replacing the spec's: {string.Join(", ", KnownDatasets.All)}",
    };

    public Option<DirectoryInfo?> Data { get; } = new("--data")
    {
        Description = "Folder the silos load the dataset from, replacing the spec's (default: the dataset's usual place)",
        HelpName = "DIR",
    };

    public Option<string?> Seeds { get; } = new("--seeds")
    {
        Description = "Seeds to train every run at, replacing the spec's: a comma-separated list such as 0,1,2",
        HelpName = "0,1,2",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Preset, File, Dataset, Data, Seeds })
            command.Options.Add(option);
    }

    public SweepSpec Resolve(ParseResult parse)
    {
        var (preset, file) = (parse.GetValue(Preset), parse.GetValue(File));
        if ((preset is null) == (file is null))
            throw new CliException(ExitCodes.UsageError, "Give exactly one of --preset (study or quick) or -f sweep.json");

        SweepSpec spec;
        string origin;
        if (preset is not null)
        {
            if (!SweepPresets.Exists(preset))
                throw new CliException(ExitCodes.UsageError, $"--preset must be one of {string.Join(", ", SweepPresets.Names)}, got '{preset}'");
            spec = SweepPresets.Get(preset);
            origin = $"preset {preset}";
        }
        else
        {
            spec = Read(file!);
            origin = file!.Name;
        }

        if (parse.GetValue(Dataset) is { } dataset)
            spec = spec with { Dataset = dataset };
        if (parse.GetValue(Data) is { } data)
            spec = spec with { DataDir = data.FullName };
        if (parse.GetValue(Seeds) is { } seeds)
            spec = spec with { Seeds = ParseSeeds(seeds) };
        var errors = SweepSpecValidator.Validate(spec);
        if (errors.Count > 0)
            throw new CliException(ExitCodes.UsageError, $"Invalid sweep spec ({origin}): {string.Join("; ", errors)}");
        return spec;
    }

    /// <summary>"0,1,2" as distinct non-negative seeds, in the order given; anything else is a usage error naming --seeds.</summary>
    public static IReadOnlyList<int> ParseSeeds(string text)
    {
        var seeds = new List<int>();
        foreach (var item in text.Split(','))
        {
            var trimmed = item.Trim();
            if (!int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
                throw SeedsError($"each seed must be a whole number, got '{trimmed}'", text);
            if (seed < 0)
                throw SeedsError($"seeds must not be negative, got {seed}", text);
            if (seeds.Contains(seed))
                throw SeedsError($"seeds must be distinct, {seed} appears more than once", text);
            seeds.Add(seed);
        }
        return seeds;
    }

    private static CliException SeedsError(string problem, string text) =>
        new(ExitCodes.UsageError, $"--seeds expects distinct non-negative whole numbers separated by commas (e.g. 0,1,2): {problem} in '{text}'");

    private static SweepSpec Read(FileInfo file)
    {
        string json;
        try
        {
            json = System.IO.File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.UsageError, $"Cannot read spec file {file.FullName}: {e.Message}", e);
        }
        try
        {
            return SweepSpecJson.Read(json);
        }
        catch (SweepSpecException e)
        {
            throw new CliException(ExitCodes.UsageError, $"Invalid sweep spec {file.Name}: {string.Join("; ", e.Errors)}", e);
        }
    }
}
