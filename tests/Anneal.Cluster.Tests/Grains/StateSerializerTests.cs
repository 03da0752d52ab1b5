using System.Text;
using Anneal.Contracts.Runs;
using Anneal.Grains.Runs;
using Anneal.Grains.Storage;
using Anneal.Grains.Sweeps;
using Orleans.Storage;

namespace Anneal.Cluster.Tests.Grains;

/// <summary>The stored-state format: a named, versioned envelope; readable when properties are added; refused when newer.</summary>
public sealed class StateSerializerTests
{
    private readonly AnnealStateSerializer _serializer = new(new NoLegacyState());

    [Fact]
    public void State_IsWrittenInItsSchemaEnvelope_WithoutTypeNames()
    {
        var json = Write(new RunState { Status = RunStatus.Running, Epoch = 3, LeaseDuration = TimeSpan.FromSeconds(30) });

        Assert.StartsWith("""{"schema":"anneal.run","version":1,"state":{""", json);
        Assert.Contains("\"status\":\"running\"", json);
        Assert.DoesNotContain("$type", json);
        Assert.DoesNotContain("Anneal.", json);
    }

    [Fact]
    public void EveryField_SurvivesARoundTrip()
    {
        var state = new RunState
        {
            Status = RunStatus.Completed,
            Epoch = 2,
            Worker = "silo/slot-0",
            LeaseDuration = TimeSpan.FromSeconds(30),
            Attempts = 2,
            CurveSums = [2.5, 1.25],
            LastStep = 2,
            Evaluations = [new EvaluationPoint(2, 0.5, 0.75)],
            Progress = new RunProgress(2, float.NaN, 1.5, 1e-3, 10, DateTimeOffset.UnixEpoch.AddTicks(123456789)),
            Checkpoint = new CheckpointInfo(2, "redis://ckpt", 2, DateTimeOffset.UnixEpoch),
            TrainingTime = TimeSpan.FromTicks(987654321),
            Revision = 9,
        };

        var json = Write(state);

        Assert.Equal(json, Write(_serializer.Deserialize<RunState>(new BinaryData(Encoding.UTF8.GetBytes(json)))));
    }

    [Fact]
    public void MissingProperties_KeepTheirDefaults_AndUnknownOnesAreIgnored()
    {
        var state = Read<RunState>("""{"schema":"anneal.run","version":1,"state":{"status":"running","epoch":3,"addedByALaterVersion":[1,2]}}""");

        Assert.Equal(RunStatus.Running, state.Status);
        Assert.Equal(3, state.Epoch);
        Assert.Equal(0, state.Attempts);
        Assert.Empty(state.CurveSums);
    }

    [Fact]
    public void ANewerVersion_IsRefused_SayingWhatToDo()
    {
        var error = Assert.Throws<StateSchemaException>(() => Read<RunState>("""{"schema":"anneal.run","version":2,"state":{}}"""));

        Assert.Equal("stored anneal.run state is version 2, newer than the 1 this Anneal reads: run the newer Anneal, or restore the state it replaced", error.Message);
    }

    [Fact]
    public void AnotherSchema_IsRefused()
    {
        var error = Assert.Throws<StateSchemaException>(() => Read<SweepState>("""{"schema":"anneal.run","version":1,"state":{}}"""));

        Assert.Equal("stored state is anneal.run, not the anneal.sweep this grain keeps", error.Message);
    }

    [Fact]
    public void ATypeWithoutASchema_IsNotWritten()
    {
        var error = Assert.Throws<StateSchemaException>(() => _serializer.Serialize(new List<string>()));

        Assert.Contains("has no stored-state schema", error.Message);
    }

    [Fact]
    public void EveryStoredStateOfAGrain_HasASchema_AndNoTwoShareAName()
    {
        var stored = typeof(RunGrain).Assembly.GetTypes()
            .SelectMany(t => t.GetConstructors())
            .SelectMany(c => c.GetParameters())
            .Where(p => p.GetCustomAttributes(typeof(PersistentStateAttribute), false).Length > 0)
            .Select(p => p.ParameterType.GetGenericArguments().Single())
            .ToHashSet();

        Assert.NotEmpty(stored);
        Assert.All(stored, type => Assert.True(StateSchemas.All.ContainsKey(type), $"{type.Name} is stored but has no schema in StateSchemas"));
        Assert.Equal(StateSchemas.All.Count, StateSchemas.All.Values.Select(s => s.Name).Distinct().Count());
    }

    private string Write<T>(T state) => _serializer.Serialize(state).ToString();

    private T Read<T>(string json) => _serializer.Deserialize<T>(new BinaryData(Encoding.UTF8.GetBytes(json)));

    /// <summary>These tests write and read only schema'd state; state from before schemas is read in the silo tests.</summary>
    private sealed class NoLegacyState : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => throw new InvalidOperationException("not expected");
        public T? Deserialize<T>(BinaryData input) => throw new InvalidOperationException("not expected");
    }
}
