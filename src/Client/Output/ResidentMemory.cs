namespace Anneal.Client.Output;

/// <summary>This process's resident memory from /proc/self/status (VmRSS now, VmHWM the peak).</summary>
public static class ResidentMemory
{
    public static double CurrentMegabytes() => Read("VmRSS:");

    public static double PeakMegabytes() => Read("VmHWM:");

    private static double Read(string field)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return double.NaN;
        }
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line[field.Length..].Trim().Split(' ')[0]) / 1024.0;
    }
}
