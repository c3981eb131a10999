namespace Retort.Tests.BadInput;

/// <summary>
/// The corpus of bad input given to the built CLI: each case spoils a fresh project, runs one command and
/// expects exit 1 and exactly one error line on stderr (no stack trace), with <c>{dir}</c> standing for the project.
/// </summary>
public sealed class CliBadInputTests
{
    public sealed record Case(string Name, Action<BadInputProject> Spoil, string[] Args, string Error)
    {
        public override string ToString() => Name;
    }

    private const string Config = """{ "scriptLocation": "migrations", "url": "sqlite:///app.db" }""";

    private static void Nothing(BadInputProject project) { }

    private static void TwoRevisions(BadInputProject project)
    {
        project.WriteRevision("aaaa00000001", null);
        project.WriteRevision("bbbb00000002", "aaaa00000001");
    }

    public static TheoryData<Case> Cases => new(
        new Case("malformed config", p => p.WriteFile("retort.json", "{ \"url\": \n"), ["heads"],
            "{dir}/retort.json(2,1): not valid JSON"),
        new Case("missing config file", Nothing, ["heads", "-c", "nothere.json"],
            "Config file {dir}/nothere.json does not exist"),
        new Case("unknown config setting", p => p.WriteFile("retort.json", """{ "scriptLocation": "migrations", "urll": "x" }"""), ["heads"],
            "{dir}/retort.json: unknown setting 'urll' (did you mean 'url'?)"),
        new Case("config that is not an object", p => p.WriteFile("retort.json", "[1, 2]"), ["heads"],
            "{dir}/retort.json: expected a JSON object at the top"),
        new Case("unknown config section", Nothing, ["heads", "-n", "nosuch"],
            "{dir}/retort.json: no section 'nosuch' (the file has no \"sections\")"),
        new Case("config variable not set", p => p.WriteFile("retort.json", """{ "scriptLocation": "migrations", "url": "${RETORT_TEST_NOT_SET}" }"""), ["current"],
            "{dir}/retort.json: 'url' uses ${RETORT_TEST_NOT_SET}, but environment variable RETORT_TEST_NOT_SET is not set"),
        new Case("unknown provider", p => p.WriteFile("retort.json", """{ "scriptLocation": "migrations", "provider": "oracle", "connectionString": "Data Source=x;Password=pw" }"""), ["current"],
            "Unknown provider 'oracle'; use sqlite, postgresql, mysql, mariadb or sqlserver"),
        new Case("no database configured", p => p.WriteFile("retort.json", """{ "scriptLocation": "migrations" }"""), ["current"],
            "No database is configured: set \"url\" in {dir}/retort.json, or RETORT_URL, or pass --url"),
        new Case("unknown dialect in a URL", Nothing, ["current", "--url", "oracle://scott:tiger@db/orcl"],
            "Unknown database 'oracle' in URL 'oracle://scott:***@db/orcl'; Retort knows sqlite, postgresql, mysql, mariadb and sqlserver"),
        new Case("not a URL", Nothing, ["current", "--url", "app.db"],
            "'app.db' is not a database URL; expected e.g. sqlite:///app.db or postgresql://user:password@host:5432/db"),
        new Case("SQLite URL with a host", Nothing, ["current", "--url", "sqlite://host/app.db"],
            "SQLite URL 'sqlite://host/app.db' names a host; write sqlite:///relative.db or sqlite:////absolute/path.db"),
        new Case("server URL without a host", Nothing, ["current", "--url", "postgresql://u:pw@/db"],
            "'postgresql://u:***@/db' is not a valid postgresql URL; expected postgresql://user:password@host:port/database"),
        new Case("a password in a URL's query", Nothing, ["current", "--url", "postgresql://u@127.0.0.1:1/db?sslmode=disable&password=pw"],
            "Cannot connect to postgresql://u@127.0.0.1:1/db?sslmode=disable&password=***: Failed to connect to 127.0.0.1:1"),
        new Case("an unknown setting in a URL's query", Nothing, ["current", "--url", "postgresql://u:pw@127.0.0.1:1/db?colour=blue"],
            "Cannot connect to postgresql://u:***@127.0.0.1:1/db?colour=blue: the provider refuses a setting in the URL's query or the connection string"),
        new Case("settings the provider cannot combine", Nothing, ["current", "--url", "postgresql://u:pw@127.0.0.1:1/db?Target%20Session%20Attributes=read-write"],
            "Cannot connect to postgresql://u:***@127.0.0.1:1/db?Target%20Session%20Attributes=read-write: Target Session Attributes other then Any is only supported with multiple hosts"),
        new Case("PostgreSQL port that refuses", Nothing, ["current", "--url", "postgresql://u:pw@127.0.0.1:1/db"],
            "Cannot connect to postgresql://u:***@127.0.0.1:1/db: Failed to connect to 127.0.0.1:1"),
        new Case("MySQL port that refuses", Nothing, ["current", "--url", "mysql://u:pw@127.0.0.1:1/db"],
            "Cannot connect to mysql://u:***@127.0.0.1:1/db: Unable to connect to any of the specified MySQL hosts."),
        new Case("-x without a value", Nothing, ["heads", "-x", "tenant"],
            "-x takes KEY=VALUE, not 'tenant'"),
        new Case("two files with one id", p =>
        {
            TwoRevisions(p);
            p.WriteRevision("bbbb00000002", "aaaa00000001", fileName: "copy", className: "Copy");
        }, ["heads"], "Revision id 'bbbb00000002' is declared twice: {dir}/migrations/versions/bbbb00000002.cs and {dir}/migrations/versions/copy.cs"),
        new Case("a cycle", p =>
        {
            p.WriteRevision("aaaa00000001", "bbbb00000002");
            p.WriteRevision("bbbb00000002", "aaaa00000001");
        }, ["heads"], "Cycle in the revision graph: aaaa00000001 -> bbbb00000002 -> aaaa00000001"),
        new Case("a missing parent", p => p.WriteRevision("bbbb00000002", "ffff00000009"), ["heads"],
            "Revision 'bbbb00000002' ({dir}/migrations/versions/bbbb00000002.cs) revises 'ffff00000009', which does not exist"),
        new Case("a revision revising itself", p => p.WriteRevision("aaaa00000001", "aaaa00000001"), ["heads"],
            "Cycle in the revision graph: aaaa00000001 -> aaaa00000001"),
        new Case("an empty revision id", p => p.WriteRevision("", null, fileName: "empty", className: "Empty"), ["heads"],
            "The revision in {dir}/migrations/versions/empty.cs has an empty id"),
        new Case("an upgrade target that does not exist", TwoRevisions, ["upgrade", "nosuch"],
            "No revision, branch label or symbol named 'nosuch'"),
        new Case("a downgrade target that does not exist", TwoRevisions, ["downgrade", "ffff"],
            "No revision, branch label or symbol named 'ffff'"),
        new Case("an ambiguous prefix", p =>
        {
            TwoRevisions(p);
            p.WriteRevision("aaaa00000003", "bbbb00000002");
        }, ["upgrade", "aaaa"],
            "Revision prefix 'aaaa' is ambiguous; it matches aaaa00000001, aaaa00000003"),
        new Case("upgrade to a relative step down", TwoRevisions, ["upgrade", "-1"],
            "Cannot upgrade to '-1': it counts down from the current revision; use downgrade"),
        new Case("downgrade to a relative step up", TwoRevisions, ["downgrade", "+1"],
            "Cannot downgrade to '+1': it counts up from the current revision; use upgrade"),
        new Case("a range online", TwoRevisions, ["upgrade", "aaaa00000001:bbbb00000002"],
            "A range ('aaaa00000001:bbbb00000002') is only for --sql; online, the start is what the version table holds"),
        new Case("stamp to a revision that does not exist", TwoRevisions, ["stamp", "nosuch"],
            "No revision, branch label or symbol named 'nosuch'"),
        new Case("a version table holding an unknown revision", p =>
        {
            TwoRevisions(p);
            p.Sqlite("app.db", "CREATE TABLE retort_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY); INSERT INTO retort_version VALUES ('dead00000000')");
        }, ["upgrade", "head"],
            "The version table retort_version holds dead00000000, which no revision file defines; restore the file, or 'retort stamp' the database to a known revision"),
        new Case("a version table of other columns", p =>
        {
            TwoRevisions(p);
            p.Sqlite("app.db", "CREATE TABLE retort_version (id INTEGER, name TEXT)");
        }, ["upgrade", "head"],
            "The table retort_version is not a version table: it has columns id, name, not the one column version_num; set \"versionTable\" to another name, or rename that table"),
        new Case("a version table with an extra column", p =>
        {
            TwoRevisions(p);
            p.Sqlite("app.db", "CREATE TABLE retort_version (version_num VARCHAR(32), applied_by TEXT NOT NULL)");
        }, ["current"],
            "The table retort_version is not a version table: it has columns version_num, applied_by, not the one column version_num; set \"versionTable\" to another name, or rename that table"),
        new Case("a version table holding a number", p =>
        {
            TwoRevisions(p);
            p.Sqlite("app.db", "CREATE TABLE retort_version (version_num INTEGER); INSERT INTO retort_version VALUES (42)");
        }, ["current"],
            "The version table holds a value that is not text (42); is it really a version table?"));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_exits_1_with_one_exact_error_line(Case @case)
    {
        await using var project = await BadInputProject.CreateAsync();
        project.WriteFile("retort.json", Config);
        @case.Spoil(project);
        var result = await project.RunAsync(@case.Args);
        Assert.Equal((1, $"retort: error: {@case.Error.Replace("{dir}", project.Dir, StringComparison.Ordinal)}"),
            (result.ExitCode, result.Stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')[^1]));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revision_that_does_not_compile_gets_the_compiler_error_with_file_and_line_and_exit_1()
    {
        await using var project = await BadInputProject.CreateAsync();
        project.WriteFile("retort.json", Config);
        project.WriteRevision("aaaa00000001", null, "op.DropTabel(\"users\");");
        var result = await project.RunAsync("upgrade", "head");
        Assert.Equal((1, "migrations/versions/aaaa00000001.cs(7,54): error CS1061: 'Operations' does not contain a definition for 'DropTabel' " +
            "and no accessible extension method 'DropTabel' accepting a first argument of type 'Operations' could be found " +
            "(are you missing a using directive or an assembly reference?)\n"),
            (result.ExitCode, result.Stderr.ReplaceLineEndings("\n")));
    }
}
