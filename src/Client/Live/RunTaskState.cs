using System.Collections.Concurrent;
using Spectre.Console;

namespace Anneal.Client.Live;

/// <summary>
/// The figures each progress row shows beside its bar, by task id. Spectre's own task state holds only value types,
/// and the ETA column shows words ("queued", "done in 1m 02s") as well as times.
/// </summary>
internal sealed class RunTaskState
{
    private readonly ConcurrentDictionary<int, (double? Loss, double? Speed, string Eta)> _rows = new();

    public void Set(ProgressTask task, double? loss, double? speed, string eta) => _rows[task.Id] = (loss, speed, eta);

    public double? Loss(ProgressTask task) => _rows.TryGetValue(task.Id, out var row) ? row.Loss : null;
    public double? Speed(ProgressTask task) => _rows.TryGetValue(task.Id, out var row) ? row.Speed : null;
    public string Eta(ProgressTask task) => _rows.TryGetValue(task.Id, out var row) ? row.Eta : "";
}
