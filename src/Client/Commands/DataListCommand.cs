using System.CommandLine;
using System.Text.Json;
using Anneal.Client.Data;
using Anneal.Client.Output;
using Anneal.Ml.Data;
using Spectre.Console;

namespace Anneal.Client.Commands;

/// <summary>
/// <c>anneal data list</c>: every place each dataset is looked for, in lookup order, whether it is there (whole, or
/// a download to resume), its size, and which copy a run would use.
/// </summary>
public sealed class DataListCommand : Command
{
    public DataListCommand(CliConsoles consoles) : base("list", "Show where each dataset is cached or found, and the sizes")
    {
        var json = CommonOptions.Json();
        Options.Add(json);
        SetAction(result =>
        {
            var places = DatasetCatalog.Downloadable.SelectMany(Describe).ToList();
            if (result.GetValue(json))
            {
                consoles.Out.WritePlainLine(JsonSerializer.Serialize(new DataListing(DatasetCatalog.CacheRoot, places), JsonOutput.Options));
                return ExitCodes.Success;
            }
            var table = new Table().AddColumns("Dataset", "Place", "Folder", "State", "Size", "Used");
            foreach (var place in places)
            {
                table.AddRow(Markup.Escape(place.Dataset), place.Place, Markup.Escape(place.Folder), Markup.Escape(place.State),
                    place.Bytes > 0 ? DownloadProgress.Size(place.Bytes) : "", place.Used ? "yes" : "");
            }
            consoles.Out.Write(table);
            consoles.Out.WritePlainLine($"Cache: {DatasetCatalog.CacheRoot} (ANNEAL_CACHE changes it; `anneal data clean` empties it)");
            return ExitCodes.Success;
        });
    }

    private static IEnumerable<DataPlace> Describe(string dataset)
    {
        var used = DatasetCatalog.TryLocate(dataset);
        foreach (var (source, folder) in DatasetCatalog.Places(dataset))
        {
            var whole = DatasetCatalog.Find(dataset, folder) is not null;
            yield return new DataPlace(dataset, source.ToString().ToLowerInvariant(), folder, StateOf(dataset, folder, whole), FolderSize.Of(folder),
                used?.Source == source);
        }
    }

    private static string StateOf(string dataset, string folder, bool whole)
    {
        if (whole) return "present";
        if (!Directory.Exists(folder)) return "absent";
        var files = DatasetFetcher.FilesOf(dataset).Count(f => File.Exists(Path.Combine(folder, f.Name)));
        var resumable = Directory.EnumerateFiles(folder, "*.part").Any();
        return $"incomplete: {files} of {DatasetFetcher.FilesOf(dataset).Count} files" + (resumable ? ", a cut download to resume with `anneal data fetch`" : "");
    }
}

public sealed record DataPlace(string Dataset, string Place, string Folder, string State, long Bytes, bool Used);

public sealed record DataListing(string CacheRoot, IReadOnlyList<DataPlace> Places);
