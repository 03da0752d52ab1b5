using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Anneal.Client.Live;

/// <summary>"step/steps" of a progress row.</summary>
internal sealed class StepColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text($"{task.Value.ToString("N0", CultureInfo.InvariantCulture)}/{task.MaxValue.ToString("N0", CultureInfo.InvariantCulture)}")
            .RightJustified();
}
