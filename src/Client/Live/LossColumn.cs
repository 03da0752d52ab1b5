using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Anneal.Client.Live;

/// <summary>The run's smoothed train loss.</summary>
internal sealed class LossColumn(RunTaskState state) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(state.Loss(task) is { } loss ? "loss " + loss.ToString("0.0000", CultureInfo.InvariantCulture) : "",
            new Style(Color.Aqua));
}
