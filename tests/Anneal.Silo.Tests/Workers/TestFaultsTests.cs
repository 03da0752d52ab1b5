using Anneal.Silo.Workers;

namespace Anneal.Silo.Tests.Workers;

public sealed class TestFaultsTests
{
    [Fact]
    public void Parse_ReadsEveryKind()
    {
        var faults = TestFaults.Parse("crash:constant@10; hang:ema-0.999@60;report:linear@40");

        Assert.Equal(
            [new TestFault(TestFaultKind.Crash, "constant", 10), new TestFault(TestFaultKind.Hang, "ema-0.999", 60), new TestFault(TestFaultKind.Report, "linear", 40)],
            faults.Faults);
    }

    [Fact]
    public void Parse_ReadsTheLoadKinds_WrittenWithAHyphen()
    {
        var faults = TestFaults.Parse("hang-load:linear@2;SLOW-LOAD:cosine@1");

        Assert.Equal([new TestFault(TestFaultKind.HangLoad, "linear", 2), new TestFault(TestFaultKind.SlowLoad, "cosine", 1)], faults.Faults);
    }

    [Fact]
    public void Parse_OfNothing_IsNone()
    {
        Assert.Same(TestFaults.None, TestFaults.Parse(null));
        Assert.Empty(TestFaults.Parse(" ").Faults);
    }

    [Theory]
    [InlineData("explode:constant@10")]
    [InlineData("crash:constant")]
    [InlineData("crash:@10")]
    [InlineData("crash:constant@0")]
    [InlineData("1:constant@5")]
    [InlineData("hang-:constant@5")]
    public void Parse_RefusesAnythingElse_NamingThePart(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => TestFaults.Parse(text));
        Assert.Contains($"'{text}'", error.Message);
    }
}
