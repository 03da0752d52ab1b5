using Spectre.Console;
using Spectre.Console.Rendering;

namespace Anneal.Client.Live;

/// <summary>Time left, or the run's state when it is not training.</summary>
internal sealed class EtaColumn(RunTaskState state) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(state.Eta(task));
}
