namespace Anneal.Client.Reports;

/// <summary>
/// The mean train loss over the window of steps that ends at <see cref="WindowEnd"/>. The study plots it at
/// the 0-based index of the window's first step, <see cref="PlotX"/> = WindowEnd − window.
/// </summary>
public readonly record struct SmoothedPoint(int WindowEnd, double Loss)
{
    public int PlotX(int window) => WindowEnd - window;
}
