using System.Globalization;
using System.Text.Json.Nodes;

namespace Anneal.Deploy.Tests.Monitoring;

/// <summary>An instant query's answer: its error, or its samples (series labels and value).</summary>
public sealed record PrometheusResult(string Expression, string? Error, IReadOnlyList<(JsonObject Labels, double Value)> Samples)
{
    /// <summary>At least one sample with a number (NaN, e.g. a quantile of no observations, shows nothing in Grafana).</summary>
    public bool HasData => Error is null && Samples.Any(s => !double.IsNaN(s.Value));

    public static PrometheusResult From(string expression, JsonObject body)
    {
        if ((string?)body["status"] != "success")
        {
            return new PrometheusResult(expression, $"{body["errorType"]}: {body["error"]}", []);
        }

        var data = body["data"]!;
        var samples = (string?)data["resultType"] switch
        {
            "vector" => data["result"]!.AsArray().OfType<JsonObject>()
                .Select(s => ((JsonObject)s["metric"]!.DeepClone(), Parse(s["value"]![1]!))).ToList(),
            "scalar" => [(new JsonObject(), Parse(data["result"]![1]!))],
            var other => throw new InvalidOperationException($"Unexpected result type {other} for {expression}"),
        };
        return new PrometheusResult(expression, null, samples);
    }

    public override string ToString() =>
        Error ?? (Samples.Count == 0 ? "no series" : string.Join("; ", Samples.Take(5).Select(s => $"{s.Labels.ToJsonString()} = {s.Value}")));

    private static double Parse(JsonNode value) => double.Parse((string)value!, CultureInfo.InvariantCulture);
}
