using System.CommandLine;
using Anneal.Client.Data;
using Anneal.Ml.Data;

namespace Anneal.Client.Commands;

/// <summary>
/// <c>anneal data clean [NAME]</c>: removes one dataset's folder of the per-user cache, or every dataset's. Only those
/// folders: whatever else lies under the cache root (ANNEAL_CACHE may name a shared folder) is left alone.
/// </summary>
public sealed class DataCleanCommand : Command
{
    public DataCleanCommand(CliConsoles consoles) : base("clean", "Remove a dataset (or all) from the per-user cache, partial downloads included")
    {
        var name = new Argument<string?>("NAME") { Description = "Only this dataset (default: all)", Arity = ArgumentArity.ZeroOrOne }
            .AcceptOnlyFromAmong([.. DatasetCatalog.Downloadable]);
        Arguments.Add(name);
        SetAction(result =>
        {
            var datasets = result.GetValue(name) is { } one ? [one] : DatasetCatalog.Downloadable;
            foreach (var dataset in datasets)
            {
                var folder = DatasetCatalog.CacheDir(dataset);
                if (!Directory.Exists(folder))
                {
                    consoles.Out.WritePlainLine($"{dataset}: nothing cached in {folder}");
                    continue;
                }
                var bytes = FolderSize.Of(folder);
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    consoles.Fail($"Cannot remove {folder}: {e.Message}");
                    return ExitCodes.InternalError;
                }
                consoles.Out.WritePlainLine($"{dataset}: removed {folder} ({DownloadProgress.Size(bytes)})");
            }
            return ExitCodes.Success;
        });
    }
}
