using System.CommandLine;
using System.Text.Json;
using Anneal.Client.Output;
using Anneal.Ml.Variants;
using Spectre.Console;

namespace Anneal.Client.Commands;

/// <summary><c>anneal variants</c>: every named variant with its update rule in one line and the settings it reads.</summary>
public sealed class VariantsCommand : Command
{
    public VariantsCommand(CliConsoles consoles) : base("variants", "List the training variants and their update rules")
    {
        var json = CommonOptions.Json();
        Options.Add(json);
        SetAction(result =>
        {
            if (result.GetValue(json))
            {
                consoles.Out.WritePlainLine(JsonSerializer.Serialize(VariantCatalog.All, JsonOutput.Options));
                return ExitCodes.Success;
            }
            var table = new Table().AddColumns("Variant", "Rule", "Overrides");
            foreach (var variant in VariantCatalog.All)
            {
                table.AddRow(Markup.Escape(variant.Name), Markup.Escape(variant.Rule), Markup.Escape(string.Join(", ", variant.Overrides)));
            }
            consoles.Out.Write(table);
            return ExitCodes.Success;
        });
    }
}
