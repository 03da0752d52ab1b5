using static TorchSharp.torch;

namespace Anneal.Ml.Models;

/// <summary>MAE's fixed 2D sin-cos position embedding, as the study's <c>get_2d_sincos_pos_embed</c>.</summary>
public static class SinCosPositionEmbedding
{
    /// <returns>(1, grid*grid, features): the first half of the channels encodes the column, the second the row
    /// (the study builds its grid with <c>jnp.meshgrid</c>'s default 'xy' indexing).</returns>
    public static Tensor Create(int features, int grid)
    {
        var quarter = features / 4;
        var table = new float[grid * grid * features];
        for (var token = 0; token < grid * grid; token++)
        {
            var (row, column) = (token / grid, token % grid);
            for (var i = 0; i < quarter; i++)
            {
                // omega = 1 / 10000^(i / (D/4)), computed in float32 as the study does.
                var omega = 1f / MathF.Pow(10000f, i / (float)quarter);
                var baseIndex = token * features;
                table[baseIndex + i] = MathF.Sin(column * omega);
                table[baseIndex + quarter + i] = MathF.Cos(column * omega);
                table[baseIndex + 2 * quarter + i] = MathF.Sin(row * omega);
                table[baseIndex + 3 * quarter + i] = MathF.Cos(row * omega);
            }
        }
        return tensor(table, [1, grid * grid, features]);
    }
}
