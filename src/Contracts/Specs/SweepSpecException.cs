namespace Anneal.Contracts.Specs;

/// <summary>A spec that cannot be used; <see cref="Errors"/> lists every problem, each naming its field.</summary>
[GenerateSerializer, Alias("anneal.SweepSpecException")]
public sealed class SweepSpecException : Exception
{
    public SweepSpecException(IReadOnlyList<string> errors)
        : base("Invalid sweep spec: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    [Id(0)] public IReadOnlyList<string> Errors { get; }
}
