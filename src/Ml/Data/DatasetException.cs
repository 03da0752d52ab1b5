namespace Anneal.Ml.Data;

/// <summary>A dataset that is missing, unreachable or malformed. The message is one line naming the file and what is wrong.</summary>
public sealed class DatasetException : Exception
{
    public DatasetException(string message) : base(message) { }
    public DatasetException(string message, Exception inner) : base(message, inner) { }

    public static DatasetException ForFile(string path, string problem) => new($"{path}: {problem}");
}
