using System.Reflection;
using TorchSharp;

namespace Anneal.Ml.Tests.Build;

/// <summary>
/// The build refuses every implicit conversion to TorchSharp's <see cref="Scalar"/> (docs/training.md, "Scalars"). The
/// banned-API analyzer silently skips a line whose documentation ID names no symbol, so this checks the list against
/// the TorchSharp the build references.
/// </summary>
public sealed class BannedScalarConversionsTests
{
    [Fact]
    public void BannedSymbols_ListEveryImplicitConversionToScalar_ByAnIdThatResolves()
    {
        var conversions = typeof(Scalar).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == "op_Implicit" && m.ReturnType == typeof(Scalar))
            .Select(m => $"M:TorchSharp.Scalar.op_Implicit({DocumentationId(m.GetParameters().Single().ParameterType)})~TorchSharp.Scalar")
            .ToHashSet();
        var banned = File.ReadLines(BannedSymbolsFile())
            .Where(line => !line.StartsWith("//") && line.Length > 0)
            .Select(line => line.Split(';')[0])
            .ToHashSet();

        Assert.Contains("M:TorchSharp.Scalar.op_Implicit(System.Double)~TorchSharp.Scalar", conversions);
        Assert.Empty(conversions.Except(banned));
        Assert.Empty(banned.Except(conversions));
    }

    private static string DocumentationId(Type type) => type.IsGenericType
        ? $"{type.Namespace}.{type.Name[..type.Name.IndexOf('`')]}{{{string.Join(",", type.GetGenericArguments().Select(DocumentationId))}}}"
        : type.FullName!;

    private static string BannedSymbolsFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "build", "BannedSymbols.txt");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException($"no build/BannedSymbols.txt above {AppContext.BaseDirectory}");
    }
}
