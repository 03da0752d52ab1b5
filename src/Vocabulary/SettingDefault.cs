using System.Globalization;

namespace Anneal.Vocabulary;

/// <summary>A setting a variant reads and the value it uses when a run does not override it.</summary>
/// <param name="Meaning">What the default stands for, where the number alone does not say (e.g. "1 = 1-sqrt").</param>
public sealed record SettingDefault(Setting Setting, double Value, string? Meaning = null)
{
    /// <summary>"beta2 (0.999)", as <c>anneal variants</c> lists it.</summary>
    public override string ToString() =>
        $"{Setting.Name} ({Meaning ?? Value.ToString(CultureInfo.InvariantCulture)})";
}
