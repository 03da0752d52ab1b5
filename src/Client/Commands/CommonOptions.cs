using System.CommandLine;
using System.CommandLine.Parsing;
using Anneal.Vocabulary;

namespace Anneal.Client.Commands;

/// <summary>Options several commands share, built fresh per command (an option belongs to one command).</summary>
public static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON on stdout (logs go to stderr)" };

    public static Option<int?> Threads(string defaultText = "default: all cores") => new("--threads")
    {
        Description = $"Torch intra-op threads ({defaultText})",
        Validators = { r => Positive(r, "--threads") },
    };

    /// <summary>An optional count of at least 1, e.g. --slots.</summary>
    public static Option<int?> OptionalPositiveInt(string name, string description) => new(name)
    {
        Description = description,
        Validators = { r => Positive(r, name) },
    };

    public static Option<string> Device() => new Option<string>("--device")
    {
        Description = "auto (CUDA when available), cpu or cuda",
        DefaultValueFactory = _ => "auto",
    }.AcceptOnlyFromAmong("auto", "cpu", "cuda");

    public static Option<int> PositiveInt(string name, int fallback, string description) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        Validators = { r => Positive(r, name) },
    };

    public static Option<int> NonNegativeInt(string name, int fallback, string description) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        Validators = { r => { if (r.Tokens.Count > 0 && r.GetValueOrDefault<int>() < 0) r.AddError($"{name} must not be negative"); } },
    };

    /// <summary>
    /// <c>--NAME</c> for a training setting (<c>--lr</c>, <c>--beta2</c>, <c>--eps</c>), described and range-checked by the
    /// same <see cref="Setting"/> the spec validator and the training core use. Null when not given.
    /// </summary>
    public static Option<double?> Setting(Setting setting, string? defaultText = null) => new("--" + setting.Name)
    {
        Description = defaultText is null ? setting.Description : $"{setting.Description} (default: {defaultText})",
        Validators =
        {
            r =>
            {
                if (r.Tokens.Count > 0 && r.GetValueOrDefault<double?>() is { } value && setting.Check(value, int.MaxValue) is { } problem)
                {
                    r.AddError($"--{setting.Name} {problem}");
                }
            },
        },
    };

    /// <summary>True when the user typed the option (not just its default).</summary>
    public static bool Given(this ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

    private static void Positive(OptionResult result, string name)
    {
        if (result.Tokens.Count > 0 && Convert.ToInt64(result.GetValueOrDefault<object>() ?? 0) < 1)
        {
            result.AddError($"{name} must be at least 1");
        }
    }
}
