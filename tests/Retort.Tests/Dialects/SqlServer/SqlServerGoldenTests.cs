namespace Retort.Tests.Dialects.SqlServer;

public sealed class SqlServerGoldenTests
{
    [Fact]
    public void Every_operation_sample_renders_as_the_golden_script() => DialectGolden.AssertMatchesFile("sqlserver");
}
