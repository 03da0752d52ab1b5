using System.Runtime.InteropServices;

namespace Anneal.Ml.Training;

/// <summary>
/// Writes a file so that it survives a power loss or kernel crash once this returns: into a temporary file beside it,
/// fsynced, renamed over the target, then the folder fsynced so the rename itself is on disk. Without the last two,
/// a crash can leave the new name pointing at an empty or partial file (ext4 and xfs both allow it), and a run would
/// resume from nothing. A reader sees the old file or the new one, never a mix.
/// </summary>
public static class DurableFile
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000; // O_DIRECTORY on Linux

    public static void Write(string path, Action<Stream> write)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        SyncFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>fsync of a folder, so renames and deletions in it are durable; .NET has no API for it.</summary>
    public static void SyncFolder(string folder)
    {
        if (!OperatingSystem.IsLinux()) return;
        var descriptor = Open(folder, ReadOnly | Directory);
        if (descriptor < 0) throw new IOException($"cannot open folder {folder} to sync it (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (Sync(descriptor) != 0) throw new IOException($"cannot sync folder {folder} (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Sync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int descriptor);
}
