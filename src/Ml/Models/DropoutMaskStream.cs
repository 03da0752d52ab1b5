using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Anneal.Ml.Randomness;

namespace Anneal.Ml.Models;

/// <summary>
/// The random numbers behind every dropout mask: <see cref="SplitMix64"/> read as a counter-based generator. Word
/// <c>i</c> of the stream is <c>Mix(key + (i + 1) · Gamma)</c>, each word gives two 32-bit draws, and an
/// element is kept when its draw is below <c>keep · 2³²</c>. The stream's whole state is its position, so a
/// checkpoint stores one number, and the masks are the same on every device and at every thread count.
/// <para>
/// libtorch draws <c>bernoulli_</c> one element at a time from its Mersenne Twister on AMD processors (its MKL path is
/// taken only on Intel's); at batch 128 a TinyViT step draws 12.8 million mask elements, which took about a quarter
/// of the step. This stream fills a mask with AVX-512 arithmetic, 16 elements per iteration, in place in the tensor
/// (docs/performance.md has the figures).
/// </para>
/// </summary>
public sealed class DropoutMaskStream(ulong key)
{
    /// <summary>64-bit words used so far; each mask starts at a fresh word.</summary>
    public ulong Position { get; set; }

    /// <summary>Writes an inverted-dropout mask into <paramref name="mask"/>: <c>1 / keep</c> where kept, 0 elsewhere.</summary>
    public void Fill(Span<float> mask, double keep)
    {
        if (!(keep > 0 && keep <= 1)) throw new ArgumentOutOfRangeException(nameof(keep), keep, "keep lies in (0, 1]");
        var threshold = (uint)Math.Min(Math.Round(keep * 4294967296.0), uint.MaxValue);
        var scale = (float)(1.0 / keep);
        var first = Position;
        Position += (ulong)(mask.Length + 1) / 2;

        var done = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            done = FillVectorized(mask, first, threshold, scale);
        }
        for (var element = done; element < mask.Length; element++)
        {
            var word = Word(key, first + (ulong)(element / 2));
            var draw = element % 2 == 0 ? (uint)word : (uint)(word >> 32);
            mask[element] = draw < threshold ? scale : 0f;
        }
    }

    /// <summary>Word <paramref name="index"/> of the stream keyed by <paramref name="key"/>.</summary>
    public static ulong Word(ulong key, ulong index) => SplitMix64.Mix(key + (index + 1) * SplitMix64.Gamma);

    // Eight words (sixteen elements) per iteration; the little-endian halves of word i are elements 2i and 2i + 1,
    // as in the scalar loop. Returns how many elements were written.
    private int FillVectorized(Span<float> mask, ulong first, uint threshold, float scale)
    {
        const int wordsPerVector = 8, elementsPerVector = 16;
        var whole = mask.Length / elementsPerVector * elementsPerVector;
        var z = Vector512.Create(key) + (Vector512.Create(first + 1) + Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7)) * Vector512.Create(SplitMix64.Gamma);
        var stride = Vector512.Create(unchecked(wordsPerVector * SplitMix64.Gamma));
        var mix1 = Vector512.Create(SplitMix64.Multiplier1);
        var mix2 = Vector512.Create(SplitMix64.Multiplier2);
        var limit = Vector512.Create(threshold);
        var kept = Vector512.Create(scale).AsUInt32();
        ref var target = ref MemoryMarshal.GetReference(mask);
        for (var element = 0; element < whole; element += elementsPerVector)
        {
            var w = (z ^ Vector512.ShiftRightLogical(z, 30)) * mix1;
            w = (w ^ Vector512.ShiftRightLogical(w, 27)) * mix2;
            w ^= Vector512.ShiftRightLogical(w, 31);
            var values = Vector512.LessThan(w.AsUInt32(), limit) & kept;
            values.AsSingle().StoreUnsafe(ref target, (nuint)element);
            z += stride;
        }
        return whole;
    }
}
