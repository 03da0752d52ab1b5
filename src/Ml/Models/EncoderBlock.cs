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

    private Tensor Attention(Tensor y)
    {
        long batch = y.shape[0], length = y.shape[1], headSize = _features / Heads;
        var qkvHeads = qkv.call(y).view(batch, length, 3, Heads, headSize).permute(2, 0, 3, 1, 4);
        var (q, k, v) = (qkvHeads[0], qkvHeads[1], qkvHeads[2]);
        var weights = torch.matmul(q * Math.Pow(headSize, -0.5), k.transpose(-2, -1)).softmax(-1);
        weights = Dropout(weights, [1, 1, length, length]);
        return proj.call(torch.matmul(weights, v).transpose(1, 2).reshape(batch, length, _features));
    }

    // Inverted dropout whose mask has `maskShape` (broadcast against x), drawn from the trainer's generator so that
    // the masks are part of the checkpointed state, and kept so that a second forward pass can replay them.
    private Tensor Dropout(Tensor x, ReadOnlySpan<long> maskShape)
    {
        if (!training)
        {
            return x;
        }
        return x * _masks.Next(maskShape, x.dtype, x.device, 1 - DropoutRate);
    }
}
