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
catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or StackExchange.Redis.RedisException)
{
    // A port in use, Redis unreachable: the host has logged the details; say it in one line and fail.
    await Console.Error.WriteLineAsync($"anneal-silo: could not start: {e.Message}");
    return 1;
}
