using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Anneal.Client.Live;

/// <summary>Training speed in steps per second.</summary>
internal sealed class SpeedColumn(RunTaskState state) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(state.Speed(task) is { } speed ? speed.ToString("0.0", CultureInfo.InvariantCulture) + " steps/s" : "",
            new Style(Color.Grey));
}
