using System.Text.Json.Serialization;

namespace Anneal.Vocabulary;

/// <summary>A named way to train: its update rule in one line and the settings it reads, with their defaults.</summary>
/// <param name="Name">What a sweep or <c>anneal train --variant</c> calls it.</param>
/// <param name="Rule">The update rule in one line.</param>
/// <param name="Reads">The overrides it reads, each with its default.</param>
public sealed record VariantDefinition(string Name, string Rule, [property: JsonIgnore] IReadOnlyList<SettingDefault> Reads)
{
    /// <summary>The overrides it reads with their defaults, as text: "warmupSteps (0)".</summary>
    public IReadOnlyList<string> Overrides => [.. Reads.Select(r => r.ToString())];

    /// <summary>
    /// Whether a run of this variant may set <paramref name="setting"/>: the ones it reads, and
    /// <see cref="KnownSettings.EmaRate"/> everywhere, because presets scale EMA rates across a whole sweep and variants
    /// without an average ignore it.
    /// </summary>
    public bool Accepts(Setting setting) => setting == KnownSettings.EmaRate || Reads.Any(r => r.Setting == setting);

    /// <summary>The variant's default for <paramref name="setting"/>.</summary>
    /// <exception cref="InvalidOperationException">The variant does not read it: a training-core bug, not bad input.</exception>
    public double DefaultOf(Setting setting) =>
        Reads.FirstOrDefault(r => r.Setting == setting)?.Value
        ?? throw new InvalidOperationException($"variant '{Name}' does not declare '{setting.Name}' in {nameof(KnownVariants)}");
}
