using Anneal.Deploy.Tests.Infrastructure;

namespace Anneal.Deploy.Tests.Kubernetes;

/// <summary>The silo's test faults (crash or hang a run's worker) exist for tests only: nothing shipped turns them on.</summary>
public sealed class TestFaultsNeverShipTests
{
    [Fact]
    public void NoFileUnderDeploy_EnablesOrSetsTestFaults()
    {
        string[] switches = ["--test-faults", "TestFaults", "ANNEAL_TEST_FAULTS", "Anneal__TestFaults"];
        var offenders = Directory.EnumerateFiles(RepositoryPaths.Deploy, "*", SearchOption.AllDirectories)
            .Where(file => switches.Any(File.ReadAllText(file).Contains))
            .Select(file => Path.GetRelativePath(RepositoryPaths.Root, file))
            .ToArray();

        Assert.Empty(offenders);
    }
}
