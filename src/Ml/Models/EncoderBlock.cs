using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Anneal.Ml.Models;

/// <summary>
/// One pre-LayerNorm transformer block with Flax's defaults: LayerNorm eps 1e-6, tanh GELU, dropout 0.3 after each
/// Dense of the MLP, and attention written by hand because Flax draws ONE attention-dropout mask shared by the whole
/// batch and every head (<c>broadcast_dropout=True</c>), which no built-in TorchSharp attention reproduces.
/// </summary>
public sealed class EncoderBlock : nn.Module<Tensor, Tensor>
{
    public const int Heads = 4;
    public const double DropoutRate = 0.3;
    private const double LayerNormEpsilon = 1e-6;

    private readonly LayerNorm norm1;
    private readonly Linear qkv;
    private readonly Linear proj;
    private readonly LayerNorm norm2;
    private readonly Linear fc1;
    private readonly Linear fc2;
    private readonly DropoutMasks _masks;
    private readonly int _features;

    public EncoderBlock(int features, DropoutMasks masks) : base(nameof(EncoderBlock))
    {
        _features = features;
        _masks = masks;
        norm1 = nn.LayerNorm(features, LayerNormEpsilon);
        qkv = nn.Linear(features, 3 * features);
        proj = nn.Linear(features, features);
        norm2 = nn.LayerNorm(features, LayerNormEpsilon);
        fc1 = nn.Linear(features, 2 * features);
        fc2 = nn.Linear(2 * features, features);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        x = x + Attention(norm1.call(x));
        var y = F.gelu(fc1.call(norm2.call(x)), GELU.Approximate.tanh);
        y = Dropout(y, y.shape);
        return x + Dropout(fc2.call(y), x.shape);
    }

    /// <summary>
    /// The block's output at token 0 alone, <c>[batch, features]</c>: all the model's head reads after the last block
    /// (<see cref="TinyVit"/>). Every token's keys and values still enter the attention, but the query, projection and
    /// MLP run for token 0 only, so the result is <c>forward(x)[:, 0]</c> at a third of the block's arithmetic, in the
    /// forward and the backward pass. The dropout masks are drawn at the full block's shapes, in the same order, and
    /// token 0's part is used: the mask stream advances as it does in <see cref="forward"/>, and a replay hands out the
    /// same masks (docs/training.md, "Model").
    /// </summary>
    public Tensor ForwardFirstToken(Tensor x)
    {
        var first = x.select(1, 0) + FirstTokenAttention(norm1.call(x));
        var y = F.gelu(fc1.call(norm2.call(first)), GELU.Approximate.tanh);
        long batch = x.shape[0], length = x.shape[1];
        y = FirstTokenDropout(y, [batch, length, y.shape[1]]);
        return first + FirstTokenDropout(fc2.call(y), [batch, length, _features]);
    }

    private Tensor Attention(Tensor y)
    {
        long batch = y.shape[0], length = y.shape[1], headSize = _features / Heads;
        var qkvHeads = qkv.call(y).view(batch, length, 3, Heads, headSize).permute(2, 0, 3, 1, 4);
        var (q, k, v) = (qkvHeads[0], qkvHeads[1], qkvHeads[2]);
        var weights = torch.matmul(q * Math.Pow(headSize, -0.5), k.transpose(-2, -1)).softmax(-1);
        weights = Dropout(weights, [1, 1, length, length]);
        return proj.call(torch.matmul(weights, v).transpose(1, 2).reshape(batch, length, _features));
    }

    // Token 0's query against every token's keys: the rows of the qkv projection that make the query are applied to
    // token 0 alone, those that make keys and values to every token.
    private Tensor FirstTokenAttention(Tensor y)
    {
        long batch = y.shape[0], length = y.shape[1], headSize = _features / Heads;
        var query = F.linear(y.select(1, 0), qkv.weight!.narrow(0, 0, _features), qkv.bias!.narrow(0, 0, _features))
            .view(batch, Heads, 1, headSize);
        var keysValues = F.linear(y, qkv.weight!.narrow(0, _features, 2 * _features), qkv.bias!.narrow(0, _features, 2 * _features))
            .view(batch, length, 2, Heads, headSize).permute(2, 0, 3, 1, 4);
        var (k, v) = (keysValues[0], keysValues[1]);
        var weights = torch.matmul(query * Math.Pow(headSize, -0.5), k.transpose(-2, -1)).softmax(-1);
        if (training)
        {
            // Row 0 of the (L, L) attention mask shared by the batch and the heads.
            weights = weights * Mask([1, 1, length, length], weights).narrow(2, 0, 1);
        }
        return proj.call(torch.matmul(weights, v).reshape(batch, _features));
    }

    // Token 0's part of the dropout of a [batch, length, features] activation.
    private Tensor FirstTokenDropout(Tensor first, ReadOnlySpan<long> blockShape) =>
        training ? first * Mask(blockShape, first).select(1, 0) : first;

    // Inverted dropout whose mask has `maskShape` (broadcast against x).
    private Tensor Dropout(Tensor x, ReadOnlySpan<long> maskShape) => training ? x * Mask(maskShape, x) : x;

    // The next inverted-dropout mask, drawn from the trainer's stream so that the masks are part of the checkpointed
    // state, and kept so that a second forward pass can replay them.
    private Tensor Mask(ReadOnlySpan<long> shape, Tensor like) => _masks.Next(shape, like.dtype, like.device, 1 - DropoutRate);
}
