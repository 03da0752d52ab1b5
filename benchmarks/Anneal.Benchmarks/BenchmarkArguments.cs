namespace Anneal.Benchmarks;

/// <summary>"--name value" pairs with typed defaults.</summary>
public sealed class BenchmarkArguments(IReadOnlyDictionary<string, string> values)
{
    public static BenchmarkArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"expected --name value, got '{args[i]}'");
            values[args[i][2..]] = args[i + 1];
        }
        return new BenchmarkArguments(values);
    }

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v) : fallback;

    public string? String(string name) => values.GetValueOrDefault(name);
}
