using Anneal.Silo.Hosting;

// An Anneal silo: grains plus training slots. Settings: appsettings.json, ANNEAL_Anneal__* variables, then switches,
// e.g. dotnet run --project src/Silo -- --clustering redis --redis 127.0.0.1:6379,password=… --storage redis --checkpoints redis
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddAnnealConfiguration(args);
    builder.AddAnnealSilo();
    builder.AddAnnealTelemetry();
    var app = builder.Build();
    app.MapGet("/", () => "Anneal silo");
    app.MapAnnealTelemetry();
    await app.RunAsync();
    return 0;
}
catch (AnnealConfigurationException e)
{
    await Console.Error.WriteLineAsync($"anneal-silo: {e.Message}");
    return 2;
}
