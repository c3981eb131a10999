namespace Retort.Tests.Dialects;

/// <summary>The script of every operation sample, per dialect, against Golden/Dialects/&lt;dialect&gt;.sql.</summary>
public sealed class DialectGoldenTests
{
    [Theory]
    [MemberData(nameof(EveryOperationTests.DialectNames), MemberType = typeof(EveryOperationTests))]
    public void Every_operation_sample_renders_as_the_golden_script(string dialect) => DialectGolden.AssertMatchesFile(dialect);
}
