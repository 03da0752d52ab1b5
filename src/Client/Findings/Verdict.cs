namespace Anneal.Client.Findings;

/// <summary>A claim's verdict; report.json writes them kebab-case ("did-not-hold").</summary>
public enum Verdict
{
    Held,
    DidNotHold,
    Inconclusive,
    NotEvaluable,
}
