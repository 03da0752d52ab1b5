using System.Net.Sockets;
using Anneal.Ml.Data;
using Spectre.Console;

namespace Anneal.Client.Data;

/// <summary>
/// The fetch that <c>train</c> and <c>sweep start --local</c> run before they need a dataset whose full set is not on
/// this machine. It never stands in the way of the README's main command on a machine without internet: with only the
/// embedded Fashion-MNIST subset at hand, it tries only when <c>ANNEAL_DATA_MIRROR</c> is set or the publisher answers
/// within <see cref="ConnectTimeout"/>, and a failed download falls back to the subset in one line.
/// </summary>
public static class DatasetAutoFetch
{
    /// <summary>Short, so that an offline machine loses at most this long before training on what it has.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    /// <exception cref="DatasetException">Nothing found and the download failed; the message names the fixes.</exception>
    public static async Task EnsureAsync(string dataset, string? dataDir, IAnsiConsole log, CancellationToken cancellationToken)
    {
        // A folder given is the only place looked in; synthetic data is made, not fetched.
        if (dataDir is not null || !DatasetCatalog.Downloadable.Contains(dataset)) return;
        var found = DatasetCatalog.TryLocate(dataset);
        if (found is not null && found.Source != DatasetSource.Embedded) return;
        var source = DatasetDownloads.BaseUrl(dataset);
        var mirrored = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(DatasetDownloads.MirrorVariable));
        if (found is not null && !mirrored && !await AnswersAsync(source, cancellationToken)) return;
        try
        {
            var folder = await DownloadProgress.RunAsync(log, progress => DatasetFetcher.FetchAsync(dataset, progress, ConnectTimeout, cancellationToken));
            log.WritePlainLine($"Fetched {dataset} from {source} into {folder}, verified (once: it stays cached; `anneal data clean` removes it)");
        }
        catch (DatasetException e) when (found is not null)
        {
            log.WritePlainLine($"Could not fetch {dataset}, training on the embedded subset in {found.Path}: {e.Message}");
        }
    }

    /// <summary>Whether the publisher's host accepts a connection within <see cref="ConnectTimeout"/>.</summary>
    private static async Task<bool> AnswersAsync(Uri source, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(source.Host, source.Port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
