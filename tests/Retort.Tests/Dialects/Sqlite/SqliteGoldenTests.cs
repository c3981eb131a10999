namespace Retort.Tests.Dialects.Sqlite;

public sealed class SqliteGoldenTests
{
    [Fact]
    public void Every_operation_sample_renders_as_the_golden_script() => DialectGolden.AssertMatchesFile("sqlite");
}
