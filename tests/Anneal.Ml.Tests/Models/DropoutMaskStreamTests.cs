using Anneal.Ml.Models;

namespace Anneal.Ml.Tests.Models;

public sealed class DropoutMaskStreamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1000)]
    public void VectorizedFill_EqualsTheScalarDefinition_ForAnyLength(int length)
    {
        var stream = new DropoutMaskStream(42) { Position = 5 };
        var mask = new float[length];
        stream.Fill(mask, 0.7);

        var scale = (float)(1.0 / 0.7);
        var threshold = (uint)Math.Round(0.7 * 4294967296.0);
        for (var element = 0; element < length; element++)
        {
            var word = DropoutMaskStream.Word(42, 5 + (ulong)(element / 2));
            var draw = element % 2 == 0 ? (uint)word : (uint)(word >> 32);
            Assert.Equal(draw < threshold ? scale : 0f, mask[element]);
        }
        Assert.Equal(5 + (ulong)(length + 1) / 2, stream.Position);
    }

    [Fact]
    public void KeepsAboutTheRequestedFraction_AndScalesKeptElementsByItsInverse()
    {
        var stream = new DropoutMaskStream(3);
        var mask = new float[1 << 20];
        stream.Fill(mask, 0.7);

        var kept = mask.Count(v => v != 0);
        // Binomial(2^20, 0.7): the standard deviation of the kept fraction is about 0.00045; allow ten of them.
        Assert.InRange(kept / (double)mask.Length, 0.7 - 0.0045, 0.7 + 0.0045);
        Assert.All(mask.Where(v => v != 0).Distinct(), v => Assert.Equal((float)(1 / 0.7), v));
    }

    [Fact]
    public void SamePositionGivesTheSameMask_AndConsecutiveMasksDiffer()
    {
        var first = new float[4096];
        var again = new float[4096];
        var next = new float[4096];
        var stream = new DropoutMaskStream(9);
        stream.Fill(first, 0.7);
        stream.Fill(next, 0.7);
        new DropoutMaskStream(9).Fill(again, 0.7);

        Assert.Equal(first, again);
        Assert.NotEqual(first, next);
    }

    [Fact]
    public void DifferentKeysGiveUnrelatedMasks()
    {
        var a = new float[1 << 16];
        var b = new float[1 << 16];
        new DropoutMaskStream(1).Fill(a, 0.5);
        new DropoutMaskStream(2).Fill(b, 0.5);

        // Independent masks with keep 0.5 agree on about half of the elements.
        var agreeing = a.Zip(b).Count(pair => pair.First == pair.Second) / (double)a.Length;
        Assert.InRange(agreeing, 0.48, 0.52);
    }
}
