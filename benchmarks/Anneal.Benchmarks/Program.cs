using Anneal.Benchmarks;

// dotnet run -c Release --project benchmarks/Anneal.Benchmarks -- control-plane [--seconds 20] [--workers 64] [--redis CONN]
// dotnet run -c Release --project benchmarks/Anneal.Benchmarks -- sweep-scale [--runs 10000] [--workers 16] [--redis CONN]
// dotnet run -c Release --project benchmarks/Anneal.Benchmarks -- capture-state --out FOLDER
// dotnet run -c Release --project benchmarks/Anneal.Benchmarks -- overhead [--rounds 2] [--steps 200] [--batch 64] [--threads 2]
var command = args.FirstOrDefault();
var options = BenchmarkArguments.Parse(args.Skip(1).ToArray());
return command switch
{
    "control-plane" => await ControlPlaneBenchmark.RunAsync(options),
    "overhead" => await OrchestrationOverheadBenchmark.RunAsync(options),
    "sweep-scale" => await SweepScaleBenchmark.RunAsync(options),
    "capture-state" => await StateFixtureCapture.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Anneal.Benchmarks control-plane|sweep-scale|capture-state|overhead [--name value ...]");
    return 2;
}
