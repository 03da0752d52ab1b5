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

/// <summary>The run's smoothed train loss.</summary>
internal sealed class LossColumn(RunTaskState state) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(state.Loss(task) is { } loss ? "loss " + loss.ToString("0.0000", CultureInfo.InvariantCulture) : "",
            new Style(Color.Aqua));
}

/// <summary>Training speed in steps per second.</summary>
internal sealed class SpeedColumn(RunTaskState state) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(state.Speed(task) is { } speed ? speed.ToString("0.0", CultureInfo.InvariantCulture) + " steps/s" : "",
            new Style(Color.Grey));
}

/// <summary>Time left, or the run's state when it is not training.</summary>
internal sealed class EtaColumn(RunTaskState state) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(state.Eta(task));
}
