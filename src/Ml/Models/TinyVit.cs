using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anneal.Ml.Models;

/// <summary>
/// The study's TinyViT: 8x8 patch embedding to 128 channels, fixed 2D sin-cos position embedding, a learned class
/// token appended at the END, four pre-LayerNorm encoder blocks and a linear head on token 0 (the first patch token,
/// as the study's <c>x[:, 0]</c> does; the last block computes that token alone). 556,042 parameters for 3x32x32 input.
/// </summary>
public sealed class TinyVit : nn.Module<Tensor, Tensor>
{
    public const int ImageSize = 32;
    public const int PatchSize = 8;
    public const int Features = 128;
    public const int Depth = 4;

    private readonly Conv2d patch_embed;
    private readonly Parameter class_token;
    private readonly ModuleList<EncoderBlock> blocks;
    private readonly Linear head;
    private readonly Tensor position_embedding;

    /// <param name="channels">3 for CIFAR-10, 1 for Fashion-MNIST.</param>
    /// <param name="classes">Output classes.</param>
    /// <param name="initialization">Draws the initial weights (on the CPU, where the model is built).</param>
    /// <param name="dropout">Draws and keeps every dropout mask, on the device the model will run on; the trainer owns it and checkpoints its generator.</param>
    public TinyVit(int channels, int classes, Generator initialization, DropoutMasks dropout) : base(nameof(TinyVit))
    {
        patch_embed = nn.Conv2d(channels, Features, PatchSize, stride: PatchSize);
        class_token = new Parameter(torch.zeros(1, 1, Features));
        blocks = nn.ModuleList(Enumerable.Range(0, Depth).Select(_ => new EncoderBlock(Features, dropout)).ToArray());
        head = nn.Linear(Features, classes);
        position_embedding = SinCosPositionEmbedding.Create(Features, ImageSize / PatchSize);
        register_buffer(nameof(position_embedding), position_embedding, persistent: false);
        RegisterComponents();
        FlaxInitialization.Apply(this, initialization);
    }

    public override Tensor forward(Tensor images)
    {
        var x = patch_embed.call(images).flatten(2).transpose(1, 2) + position_embedding;
        x = torch.cat([x, class_token.expand(x.shape[0], 1, Features)], 1);
        for (var i = 0; i < Depth - 1; i++)
        {
            x = blocks[i].call(x);
        }
        // The head reads token 0 only, so the last block computes nothing else (EncoderBlock.ForwardFirstToken).
        return head.call(blocks[Depth - 1].ForwardFirstToken(x));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            position_embedding.Dispose();
        }
        base.Dispose(disposing);
    }
}
