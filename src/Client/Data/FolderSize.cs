namespace Anneal.Client.Data;

/// <summary>Bytes on disk under a folder, for <c>anneal data list</c> and <c>clean</c>.</summary>
public static class FolderSize
{
    /// <returns>0 for a folder that does not exist.</returns>
    public static long Of(string folder) => Directory.Exists(folder)
        ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
        : 0;
}
