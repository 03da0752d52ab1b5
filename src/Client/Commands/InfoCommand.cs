using System.CommandLine;
using System.Text.Json;
using Anneal.Client.Output;
using Anneal.Ml.Data;
using Anneal.Ml.Devices;
using Anneal.Ml.Models;
using Spectre.Console;
using static TorchSharp.torch;

namespace Anneal.Client.Commands;

/// <summary><c>anneal info</c>: the model's parameter count, the device, MKL's kernel path and where each dataset was found.</summary>
public sealed class InfoCommand : Command
{
    public InfoCommand(CliConsoles consoles) : base("info", "Show the model size, the device and the datasets found")
    {
        var json = CommonOptions.Json();
        var data = new Option<string?>("--data") { Description = "Also look for the datasets in this folder" };
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        Options.Add(json);
        Options.Add(data);
        Options.Add(device);
        Options.Add(threads);
        SetAction(result =>
        {
            var logLines = new List<string>();
            var selected = ComputeDevice.Select(result.GetValue(device)!, result.GetValue(threads), logLines.Add);
            var info = new InfoReport(
                ParameterCount(3), ParameterCount(1), selected.Name, selected.Threads, logLines.FirstOrDefault() ?? "",
                MklKernels.Active.Name, MklKernels.Active.Reason,
                DatasetCatalog.Names.ToDictionary(name => name, name => DatasetCatalog.Describe(name, result.GetValue(data))));
            if (result.GetValue(json))
            {
                consoles.Out.WritePlainLine(JsonSerializer.Serialize(info, JsonOutput.Options));
                return ExitCodes.Success;
            }
            consoles.Out.WritePlainLine($"TinyViT: {info.Parameters:N0} parameters (3 channels), {info.ParametersOneChannel:N0} (1 channel)");
            consoles.Out.WritePlainLine(info.DeviceLine);
            consoles.Out.WritePlainLine($"Kernels: {info.Kernels} ({info.KernelsReason})");
            var table = new Table().AddColumns("Dataset", "Found at");
            foreach (var (name, place) in info.Datasets)
            {
                table.AddRow(Markup.Escape(name), Markup.Escape(place ?? "not found"));
            }
            consoles.Out.Write(table);
            return ExitCodes.Success;
        });
    }

    private static long ParameterCount(int channels)
    {
        using var randomness = new Generator(0);
        using var model = new TinyVit(channels, 10, randomness, new DropoutMasks(new DropoutMaskStream(0)));
        return model.parameters().Sum(p => p.numel());
    }
}

public sealed record InfoReport(
    long Parameters, long ParametersOneChannel, string Device, int Threads, string DeviceLine, string Kernels, string KernelsReason,
    Dictionary<string, string?> Datasets);
