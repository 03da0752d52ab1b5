using System.Globalization;
using Anneal.Ml.Training;

namespace Anneal.Client.Output;

/// <summary>
/// DIR/curve.csv: one row per step (step, loss, lr) with val_loss and val_accuracy on the steps that were evaluated.
/// Resuming keeps the rows up to the checkpoint's step and appends after them.
/// </summary>
public sealed class CurveCsvWriter : IDisposable
{
    public const string Header = "step,loss,lr,val_loss,val_accuracy";
    private readonly StreamWriter _writer;
    private readonly Dictionary<int, EvaluationResult> _evaluations = [];

    private CurveCsvWriter(StreamWriter writer) => _writer = writer;

    /// <param name="resumeStep">0 for a fresh run; else the checkpoint's step, rows after it are dropped.</param>
    public static CurveCsvWriter Open(string path, int resumeStep)
    {
        var kept = new List<string>();
        if (resumeStep > 0 && File.Exists(path))
        {
            kept.AddRange(File.ReadLines(path).Skip(1).Where(line =>
                int.TryParse(line.Split(',')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var step) && step <= resumeStep));
        }
        var writer = new StreamWriter(path, append: false) { AutoFlush = false };
        writer.WriteLine(Header);
        foreach (var line in kept)
        {
            writer.WriteLine(line);
        }
        writer.Flush();
        return new CurveCsvWriter(writer);
    }

    public void Add(EvaluationResult evaluation) => _evaluations[evaluation.Step] = evaluation;

    public void Add(ProgressReport report, Func<int, double> learningRateOfStep)
    {
        for (var i = 0; i < report.Losses.Count; i++)
        {
            var step = report.FirstStep + i;
            var row = string.Create(CultureInfo.InvariantCulture, $"{step},{report.Losses[i]:R},{learningRateOfStep(step):R},");
            if (_evaluations.Remove(step, out var evaluation))
            {
                row += string.Create(CultureInfo.InvariantCulture, $"{evaluation.Loss:R},{evaluation.Accuracy:R}");
            }
            else
            {
                row += ",";
            }
            _writer.WriteLine(row);
        }
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();
}
