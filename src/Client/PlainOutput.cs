using Spectre.Console;

namespace Anneal.Client;

public static class PlainOutput
{
    /// <summary>
    /// Writes the line as is: no markup, and no wrapping at the console width (Spectre wraps text at 80 columns when
    /// output is redirected, which would split JSON values and one-line errors).
    /// </summary>
    public static void WritePlainLine(this IAnsiConsole console, string line)
    {
        console.Profile.Out.Writer.WriteLine(line);
        console.Profile.Out.Writer.Flush();
    }
}
