using System.CommandLine;
using System.Text.Json;
using Anneal.Client.Data;
using Anneal.Client.Output;
using Anneal.Ml.Data;

namespace Anneal.Client.Commands;

/// <summary>
/// <c>anneal data fetch fashion-mnist|cifar10</c>: downloads a dataset into the per-user cache from its publisher or
/// <c>ANNEAL_DATA_MIRROR</c>, resuming a cut download and keeping only files whose MD5 is a published one.
/// </summary>
public sealed class DataFetchCommand : Command
{
    public DataFetchCommand(CliConsoles consoles) : base("fetch", "Download a dataset into the per-user cache, verified against its published MD5 sums")
    {
        var name = new Argument<string>("NAME") { Description = string.Join(" or ", DatasetCatalog.Downloadable) }
            .AcceptOnlyFromAmong([.. DatasetCatalog.Downloadable]);
        var json = CommonOptions.Json();
        Arguments.Add(name);
        Options.Add(json);
        SetAction(async (result, cancellationToken) =>
        {
            var dataset = result.GetValue(name)!;
            var log = result.GetValue(json) ? consoles.Error : consoles.Out;
            try
            {
                var folder = await DownloadProgress.RunAsync(log, progress => DatasetFetcher.FetchAsync(dataset, progress, cancellationToken: cancellationToken));
                var fetched = new FetchedDataset(dataset, folder, FolderSize.Of(DatasetCatalog.CacheDir(dataset)));
                if (result.GetValue(json))
                    consoles.Out.WritePlainLine(JsonSerializer.Serialize(fetched, JsonOutput.Options));
                else
                    consoles.Out.WritePlainLine($"{dataset}: verified and cached in {folder} ({DownloadProgress.Size(fetched.Bytes)} in the cache)");
                return ExitCodes.Success;
            }
            catch (DatasetException e)
            {
                consoles.Fail(e.Message);
                return ExitCodes.DataError;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                consoles.Fail($"Interrupted: run `anneal data fetch {dataset}` again to resume");
                return ExitCodes.Cancelled;
            }
        });
    }
}

public sealed record FetchedDataset(string Dataset, string Folder, long Bytes);
