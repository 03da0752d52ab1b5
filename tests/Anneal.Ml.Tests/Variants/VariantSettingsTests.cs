using Anneal.Ml.Data;
using Anneal.Ml.Tests.Optimization;
using Anneal.Ml.Training;
using Anneal.Ml.Variants;
using Anneal.Vocabulary;

namespace Anneal.Ml.Tests.Variants;

/// <summary>
/// The vocabulary declares which settings each variant reads; the training core must actually read them. A setting
/// declared but ignored would let a sweep "override" it and train the default, which would look like a finding.
/// </summary>
public sealed class VariantSettingsTests
{
    private const int Steps = 10;

    // A valid value different from every variant's default, per setting. A new setting without one here fails below.
    private static readonly Dictionary<string, double> OtherValue = new()
    {
        ["emaRate"] = 0.5,
        ["warmupSteps"] = 3,
        ["decayAt"] = 0.5,
        ["decayFactor"] = 0.5,
        ["cooldownFraction"] = 0.6,
        ["cooldownShape"] = 0,
        ["beta1"] = 0.5,
        ["beta2"] = 0.5,
        ["eps"] = 0.5,
        ["weightDecay"] = 0.5,
        ["weightLrPower"] = 0,
    };

    public static TheoryData<string, string> DeclaredSettings()
    {
        var declared = new TheoryData<string, string>();
        foreach (var variant in KnownVariants.All)
        {
            foreach (var read in variant.Reads)
            {
                declared.Add(variant.Name, read.Setting.Name);
            }
        }
        return declared;
    }

    [Theory]
    [MemberData(nameof(DeclaredSettings))]
    public void EverySettingAVariantDeclares_ChangesWhatItComputes(string variant, string setting)
    {
        Assert.NotEqual(OtherValue[setting], KnownVariants.Find(variant)!.DefaultOf(KnownSettings.FindOverride(setting)!));
        // A short warmup under every other setting, so that weightLrPower (which weighs by the largest LR so far) matters.
        var baseline = setting == "warmupSteps" ? new Dictionary<string, double>() : new Dictionary<string, double> { ["warmupSteps"] = 2 };
        var changed = new Dictionary<string, double>(baseline) { [setting] = OtherValue[setting] };

        Assert.NotEqual(Trajectory(variant, baseline), Trajectory(variant, changed));
    }

    [Theory]
    [InlineData("constant", "beta2", 1.0, "override beta2 must be in (0, 1), got 1")]
    [InlineData("sf-adamw", "eps", 0.0, "override eps must be a positive number, got 0")]
    [InlineData("sf-ema", "beta1", 1.0, "override beta1 must be in (0, 1), got 1")]
    [InlineData("linear", "warmupSteps", 10.0, "override warmupSteps must be less than the run's 10 steps, got 10")]
    public void OutOfRangeSettings_AreRefusedInTheValidatorsWords(string variant, string setting, double value, string expected)
    {
        using var context = new QuadraticContext(1f);
        var options = new TrainingOptions { Variant = variant, Steps = Steps, Overrides = new Dictionary<string, double> { [setting] = value } };

        var error = Assert.Throws<ArgumentException>(() => VariantCatalog.Create(options, context.Parameters));

        Assert.EndsWith(expected, error.Message);
    }

    [Fact]
    public void KnownDatasets_AreTheOnesTheCatalogLoads()
    {
        // Every name the spec validator accepts reaches a loader: an unknown name would throw "unknown dataset".
        foreach (var name in KnownDatasets.All)
        {
            Assert.DoesNotContain("unknown dataset", LoadFromAMissingFolder(name));
        }
        Assert.Contains("unknown dataset", LoadFromAMissingFolder("mnist"));
    }

    private static string LoadFromAMissingFolder(string name)
    {
        try
        {
            DatasetCatalog.Load(name, Path.Combine(Path.GetTempPath(), "anneal-no-such-folder"));
            return "loaded";
        }
        catch (DatasetException e)
        {
            return e.Message;
        }
    }

    // Every reported loss and the evaluated parameters after the last step.
    private static float[] Trajectory(string variant, Dictionary<string, double> overrides)
    {
        using var context = new QuadraticContext(1f, -2f);
        var options = new TrainingOptions { Variant = variant, Steps = Steps, LearningRate = 0.1, Overrides = overrides };
        using var method = VariantCatalog.Create(options, context.Parameters);
        var losses = Enumerable.Range(0, Steps).Select(step => method.Step(step, context)).ToList();
        using var evaluated = method.EvaluationPoint(Steps);
        return [.. losses, .. (evaluated?.data<float>().ToArray() ?? context.Values)];
    }
}
