namespace Anneal.Silo.Hosting;

/// <summary>The silo's command-line switches, each mapped to a key of the "Anneal" section.</summary>
public static class AnnealCommandLine
{
    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--clustering"] = "Anneal:Clustering",
        ["--storage"] = "Anneal:Storage",
        ["--redis"] = "Anneal:Redis",
        ["--silo-port"] = "Anneal:SiloPort",
        ["--gateway-port"] = "Anneal:GatewayPort",
        ["--http-port"] = "Anneal:HttpPort",
        ["--advertise"] = "Anneal:AdvertisedAddress",
        ["--slots"] = "Anneal:Slots",
        ["--device"] = "Anneal:Device",
        ["--threads"] = "Anneal:Threads",
        ["--checkpoints"] = "Anneal:Checkpoints",
        ["--checkpoints-shared"] = "Anneal:CheckpointsShared",
        ["--dataset-cache"] = "Anneal:DatasetCacheSize",
        ["--cluster-id"] = "Anneal:ClusterId",
        ["--service-id"] = "Anneal:ServiceId",
        ["--pool"] = "Anneal:Pool",
        ["--data-root"] = "Anneal:DataRoot",
        ["--insecure"] = "Anneal:Insecure",
        ["--lease-duration"] = "Anneal:LeaseDuration",
        ["--train"] = "Anneal:Train",
        ["--stall-time"] = "Anneal:StallTime",
        ["--test-faults"] = "Anneal:TestFaults",
    };

    /// <summary>Refuses switches the silo does not know, so a typo is an error rather than a silently ignored setting.</summary>
    public static void CheckKnown(IEnumerable<string> args)
    {
        foreach (var arg in args)
        {
            if (!arg.StartsWith("--", StringComparison.Ordinal)) continue;
            var name = arg.Split('=', 2)[0];
            if (!SwitchMappings.ContainsKey(name))
                throw new AnnealConfigurationException($"unknown option {name}; known: {string.Join(" ", SwitchMappings.Keys)}");
        }
    }
}
