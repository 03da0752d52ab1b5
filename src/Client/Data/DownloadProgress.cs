using System.Globalization;
using Spectre.Console;

namespace Anneal.Client.Data;

/// <summary>
/// Shows a dataset download: a bar per file on a terminal, else a plain line per file at each quarter (a log stays
/// short and readable).
/// </summary>
public static class DownloadProgress
{
    /// <param name="download">Runs the download, reporting file name, bytes so far and total bytes when known.</param>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, Func<Action<string, long, long?>, Task<T>> download)
    {
        if (!console.Profile.Capabilities.Interactive)
            return await download(PlainLines(console));
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async context =>
            {
                var bars = new Dictionary<string, ProgressTask>();
                return await download((file, have, total) =>
                {
                    lock (bars)
                    {
                        if (!bars.TryGetValue(file, out var bar))
                            bars[file] = bar = context.AddTask(Markup.Escape(file), maxValue: total ?? have);
                        if (total is { } known) bar.MaxValue = known;
                        bar.Value = have;
                    }
                });
            });
    }

    private static Action<string, long, long?> PlainLines(IAnsiConsole console)
    {
        var quartersShown = new Dictionary<string, int>();
        return (file, have, total) =>
        {
            lock (quartersShown)
            {
                var quarter = total is > 0 ? (int)(4 * have / total.Value) : 0;
                if (quartersShown.TryGetValue(file, out var shown) && shown >= quarter) return;
                quartersShown[file] = quarter;
                var size = total is { } known ? $" of {Size(known)}" : "";
                console.WritePlainLine($"{file}: {Size(have)}{size}");
            }
        };
    }

    /// <summary>A size as people read it: "26.4 MB", "29.5 kB".</summary>
    public static string Size(long bytes) => bytes >= 1_000_000
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.0} kB");
}
