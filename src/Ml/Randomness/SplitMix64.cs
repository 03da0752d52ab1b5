namespace Anneal.Ml.Randomness;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): output <c>i</c> of the stream seeded with <c>s</c> is
/// <c>Mix(s + (i + 1) · Gamma)</c>. The batch sampler steps it one output at a time; the dropout masks read it as a
/// counter-based generator (<see cref="Models.DropoutMaskStream"/>). One definition, so both draw the same function.
/// </summary>
public static class SplitMix64
{
    /// <summary>The increment between consecutive states (2⁶⁴ divided by the golden ratio, odd).</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;
    public const ulong Multiplier1 = 0xBF58476D1CE4E5B9UL;
    public const ulong Multiplier2 = 0x94D049BB133111EBUL;

    /// <summary>The output function applied to a state.</summary>
    public static ulong Mix(ulong state)
    {
        var z = (state ^ (state >> 30)) * Multiplier1;
        z = (z ^ (z >> 27)) * Multiplier2;
        return z ^ (z >> 31);
    }
}
