namespace Retort.Tests.BadInput;

/// <summary>
/// The corpus of bad input given to the built CLI: each case spoils a fresh project, runs one command and
/// expects its exit code (1 for errors, 2 for usage and for <c>check</c> that cannot compare) and exactly one error line
/// on stderr (no stack trace, progress lines aside), with <c>{dir}</c> standing for the project.
/// </summary>
public sealed class CliBadInputTests
{
    public sealed record Case(string Name, Action<BadInputProject> Spoil, string[] Args, string Error, int Exit = 1)
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
            "{dir}/retort.json(2,1): not valid JSON: Expected depth to be zero at the end of the JSON payload"),
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
            "Cannot connect to postgresql://u:***@127.0.0.1:1/db?colour=blue: the provider refuses a setting in the URL's query or the connection string: Couldn't set colour (Parameter 'colour')"),
        new Case("settings the provider cannot combine", Nothing, ["current", "--url", "postgresql://u:pw@127.0.0.1:1/db?Target%20Session%20Attributes=read-write"],
            "Cannot connect to postgresql://u:***@127.0.0.1:1/db?Target%20Session%20Attributes=read-write: Target Session Attributes other then Any is only supported with multiple hosts"),
        new Case("PostgreSQL port that refuses", Nothing, ["current", "--url", "postgresql://u:pw@127.0.0.1:1/db"],
            "Cannot connect to postgresql://u:***@127.0.0.1:1/db: Failed to connect to 127.0.0.1:1"),
        new Case("MySQL port that refuses", Nothing, ["current", "--url", "mysql://u:pw@127.0.0.1:1/db"],
            "Cannot connect to mysql://u:***@127.0.0.1:1/db: Unable to connect to any of the specified MySQL hosts"),
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
        new Case("a verify range naming no revision", TwoRevisions, ["verify", "-r", "nosuch:"],
            "No revision, branch label or symbol named 'nosuch'", 2),
        new Case("a verify range upside down", TwoRevisions, ["verify", "-r", "bbbb00000002:aaaa00000001"],
            "The range 'bbbb00000002:aaaa00000001' holds no revision; give FROM:TO with FROM below TO", 2),
        new Case("a squash range naming no revision", TwoRevisions, ["squash", "nosuch:bbbb00000002", "-m", "squashed"],
            "No revision, branch label or symbol named 'nosuch'"),
        new Case("a squash range upside down", TwoRevisions, ["squash", "bbbb00000002:aaaa00000001", "-m", "squashed"],
            "The range 'bbbb00000002:aaaa00000001' holds no revision; give FROM:TO with FROM below TO"),
        new Case("a squash without a message", TwoRevisions, ["squash", "aaaa00000001:bbbb00000002"],
            "Option '--message' is required (see 'retort squash --help')", 2),
        new Case("a version table inside a squashed range", p =>
        {
            p.WriteRevision("aaaa00000001", null);
            p.WriteFile("migrations/versions/cccc00000003.cs",
                "using Retort;\n[Revision(\"cccc00000003\", Replaces = new[] { \"bbbb00000002\", \"dddd00000004\" })]\npublic sealed class R3 : Migration { public override void Upgrade(Operations op) { } }\n");
            p.Sqlite("app.db", "CREATE TABLE retort_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY); INSERT INTO retort_version VALUES ('bbbb00000002')");
        }, ["current"],
            "The version table retort_version holds bbbb00000002, which squash cccc00000003 replaced in the middle of its range (2 revisions, bbbb00000002 to dddd00000004): " +
            "no revision now has this database's schema. Upgrade it to dddd00000004 with the revisions from before the squash (check out the parent of the commit that added " +
            "migrations/versions/cccc00000003.cs, which 'git log --diff-filter=A --format=%h -- migrations/versions/cccc00000003.cs' names, and run 'retort upgrade dddd00000004' there), " +
            "then come back; or, if its schema already is dddd00000004's, run 'retort stamp cccc00000003 --purge' (which replaces every row of the version table)"),
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
            "The version table holds a value that is not text (42); is it really a version table?"),
        new Case("a mistyped command", Nothing, ["upgarde", "head"],
            "unknown command 'upgarde'; did you mean 'upgrade'? (commands: init, list-templates, revision, merge, history, heads, branches, show, edit, upgrade, downgrade, stamp, current, resolve, ensure-version, lock, compile, check, verify, lint, squash, baseline, adopt-ef, completion, bundle)", 2),
        new Case("an unknown option", TwoRevisions, ["upgrade", "head", "--frobnicate"],
            "Unrecognized command or argument '--frobnicate' (see 'retort upgrade --help')", 2),
        new Case("a missing argument", Nothing, ["upgrade"],
            "Required argument 'TARGET' missing for command: 'upgrade' (see 'retort upgrade --help')", 2),
        new Case("--no-log without --sql", TwoRevisions, ["upgrade", "head", "--no-log"],
            "--no-log is for --sql; online, set \"log\": false in retort.json (see 'retort upgrade --help')", 2),
        new Case("resolve with two choices", TwoRevisions, ["resolve", "aaaa00000001", "--applied", "--rolled-back"],
            "resolve takes one of --applied, --rolled-back and --statement ran|not-run (see 'retort resolve --help')", 2),
        new Case("resolve --statement with another word", TwoRevisions, ["resolve", "aaaa00000001", "--statement", "maybe"],
            "Argument 'maybe' not recognized. Must be one of: 'ran' 'not-run' (see 'retort resolve --help')", 2),
        new Case("upgrade --phase with another word", TwoRevisions, ["upgrade", "head", "--phase", "later"],
            "Argument 'later' not recognized. Must be one of: 'pre' 'post' (see 'retort upgrade --help')", 2),
        new Case("--all with -n", TwoRevisions, ["upgrade", "head", "--all", "-n", "eu"],
            "-n picks one section and --all runs them all; for part of the fleet use --where section=eu or --where tag=NAME"),
        new Case("--where with a tag no section has", p => { TwoRevisions(p); p.WriteFile("retort.json", """{ "scriptLocation": "migrations", "sections": { "eu1": { "url": "sqlite:///eu1.db", "tags": ["eu"] } } }"""); },
            ["current", "--where", "tag=us"], "--where tag=us: no section has tag 'us'; the tags are eu"),
        new Case("--fail-fast without --all", TwoRevisions, ["upgrade", "head", "--fail-fast"],
            "--parallel and --fail-fast are for --all (see 'retort upgrade --help')", 2),
        new Case("--json with --sql --all", TwoRevisions, ["upgrade", "head", "--sql", "--all", "--json"],
            "--json with --all prints the fleet's summary; --sql --all prints each target's script, under a '-- target: NAME' line (see 'retort upgrade --help')", 2),
        new Case("a Phase that is not a phase", p => p.WriteFile("migrations/versions/aaaa00000001.cs",
            "using Retort;\n[Revision(\"aaaa00000001\", Phase = MigrationPhase.Later)]\npublic sealed class R1 : Migration { public override void Upgrade(Operations op) { } }\n"), ["upgrade", "head", "--phase", "pre"],
            "{dir}/migrations/versions/aaaa00000001.cs(2,35): Phase must be MigrationPhase.PreDeploy or MigrationPhase.PostDeploy, not 'MigrationPhase.Later'"),
        new Case("a read-only command on a SQLite file that is not there", Nothing, ["current", "--url", "sqlite:///ap.db"],
            "No database at {dir}/ap.db (sqlite:///ap.db); commands that only read never create one: check the URL, or run 'retort upgrade' to create it"),
        new Case("a SQLite URL setting the provider does not know", TwoRevisions, ["upgrade", "head", "--url", "sqlite:///app.db?colour=blue"],
            "Cannot connect to sqlite:///app.db?colour=blue: the provider refuses a setting in the URL's query or the connection string: Connection string keyword 'colour' is not supported. For a possible alternative, see https://go.microsoft.com/fwlink/?linkid=2142181."),
        new Case("a read-only SQLite URL that upgrade cannot write", p =>
        {
            TwoRevisions(p);
            p.Sqlite("app.db", "CREATE TABLE seed (id INTEGER)");
        }, ["upgrade", "head", "--url", "sqlite:///app.db?Mode=ReadOnly"],
            "Creating the version table failed: SQLite Error 8: 'attempt to write a readonly database' (statement: CREATE TABLE retort_version ( version_num VARCHAR(32) NOT NULL, CONSTRAINT retort_version_pkc PRIMARY KEY (version_num) )); nothing of this run was kept"),
        new Case("check that cannot compare", Nothing, ["check", "--url", "oracle://scott:tiger@db/orcl"],
            "Unknown database 'oracle' in URL 'oracle://scott:***@db/orcl'; Retort knows sqlite, postgresql, mysql, mariadb and sqlserver", 2),
        new Case("a setting written twice", p => p.WriteFile("retort.json", """{ "scriptLocation": "migrations", "url": "sqlite:///a.db", "url": "sqlite:///b.db" }"""), ["heads"],
            "{dir}/retort.json: 'url' is set twice"),
        new Case("an empty retort.json", p => p.WriteFile("retort.json", ""), ["heads"],
            "{dir}/retort.json(1,1): not valid JSON: the file is empty; it needs at least { \"url\": \"...\" } (run 'retort init' for a full one)"),
        new Case("a lease shorter than 3 s", p => p.WriteFile("retort.json", """{ "scriptLocation": "migrations", "url": "sqlite:///a.db", "lockLease": 1 }"""), ["heads"],
            "{dir}/retort.json: 'lockLease' must be at least 3 seconds"),
        new Case("a negative lock timeout", p => p.WriteFile("retort.json", """{ "scriptLocation": "migrations", "url": "sqlite:///a.db", "lockTimeout": -1 }"""), ["heads"],
            "{dir}/retort.json: 'lockTimeout' must be 0 or more seconds"),
        new Case("an unknown kind of lock", p => p.WriteFile("retort.json", """{ "scriptLocation": "migrations", "url": "sqlite:///a.db", "lock": "mutex" }"""), ["heads"],
            "{dir}/retort.json: 'lock' must be \"session\", \"table\" or \"none\""),
        new Case("a file template without the id", p => p.WriteFile("retort.json", """{ "scriptLocation": "migrations", "url": "sqlite:///a.db", "fileTemplate": "{slug}" }"""), ["heads"],
            "{dir}/retort.json: 'fileTemplate' must contain {rev} so that every revision gets its own file"),
        new Case("a log table named like the version table", p => p.WriteFile("retort.json", """{ "scriptLocation": "migrations", "url": "sqlite:///a.db", "logTable": "retort_version" }"""), ["heads"],
            "{dir}/retort.json: 'logTable' must differ from 'versionTable' (retort_version)"),
        new Case("-c naming a folder", Nothing, ["heads", "-c", "migrations"],
            "Config file {dir}/migrations is a folder; pass the file itself (-c migrations/retort.json)"),
        new Case("a CreateDate that is not a date", p => p.WriteFile("migrations/versions/aaaa00000001.cs",
            "using Retort;\n[Revision(\"aaaa00000001\", CreateDate = \"not a date\")]\npublic sealed class R1 : Migration { public override void Upgrade(Operations op) { } }\n"), ["heads"],
            "{dir}/migrations/versions/aaaa00000001.cs(2,27): CreateDate \"not a date\" is not a date; write it as \"2026-12-07 14:30:00\""),
        new Case("a revision file that is not UTF-8", p => File.WriteAllBytes(Path.Combine(p.Versions, "aaaa00000001.cs"),
            [.. System.Text.Encoding.ASCII.GetBytes("// caf"), 0xE9, .. System.Text.Encoding.ASCII.GetBytes("\nusing Retort;\n[Revision(\"aaaa00000001\")]\npublic sealed class R1 : Migration { public override void Upgrade(Operations op) { } }\n")]), ["heads"],
            "{dir}/migrations/versions/aaaa00000001.cs: not UTF-8 text (a byte 0xE9); save the file as UTF-8"),
        new Case("--resume with --sql", TwoRevisions, ["upgrade", "head", "--sql", "--resume"],
            "--resume cannot be used with --sql: only a connected run can see how far a half-applied revision got"),
        new Case("--resume with nothing to resume", TwoRevisions, ["upgrade", "head", "--resume"],
            "Nothing to resume: the log shows no revision left half applied"),
        new Case("downgrade --sql without a range", TwoRevisions, ["downgrade", "base", "--sql"],
            "downgrade with --sql needs FROM:TO, e.g. 'head:base' (not 'base'), since nothing is connected to tell where the database is"),
        new Case("resolve with nothing half applied", TwoRevisions, ["resolve", "aaaa00000001", "--applied"],
            "Nothing to resolve: the log shows no revision left half applied"),
        new Case("resolve --statement with nothing in doubt", TwoRevisions, ["resolve", "aaaa00000001", "--statement", "ran"],
            "Nothing to settle for aaaa00000001: the log shows no statement of it in flight when a run stopped"),
        new Case("lock release on a session lock", Nothing, ["lock", "release"],
            "'lock release' is for the lock table (\"lock\": \"table\"); a session lock ends with the session holding it: stop that process (see 'retort lock status')"),
        new Case("a revision whose code dereferences null", p => p.WriteRevision("aaaa00000001", null, "string? s = null; _ = s!.Length;"), ["upgrade", "head"],
            "Upgrade aaaa00000001 (aaaa00000001.cs) failed: NullReferenceException: Object reference not set to an instance of an object at migrations/versions/aaaa00000001.cs(7,51); nothing of this run was kept"),
        new Case("a revision whose code looks up a missing key", p => p.WriteRevision("aaaa00000001", null, "_ = new Dictionary<string, int>()[\"users\"];"), ["upgrade", "head"],
            "Upgrade aaaa00000001 (aaaa00000001.cs) failed: KeyNotFoundException: The given key 'users' was not present in the dictionary at migrations/versions/aaaa00000001.cs(7,51); nothing of this run was kept"),
        new Case("a revision whose code recurses forever", p => p.WriteFile("migrations/versions/aaaa00000001.cs",
            "using Retort;\n[Revision(\"aaaa00000001\")]\npublic sealed class R1 : Migration\n{\n    public override void Upgrade(Operations op)\n    {\n        Deeper(op, 1);\n    }\n\n    private static int Deeper(Operations op, int n)\n    {\n        return Deeper(op, n + 1) + 1;\n    }\n}\n"), ["upgrade", "head"],
            "Upgrade aaaa00000001 (aaaa00000001.cs) failed: its code went too deep (InsufficientExecutionStackException: endless recursion?) at migrations/versions/aaaa00000001.cs(11,6); nothing of this run was kept"),
        new Case("a statement the database refuses", p => p.WriteRevision("aaaa00000001", null, "op.Execute(\"SELEC 1\");"), ["upgrade", "head"],
            "Upgrade aaaa00000001 (aaaa00000001.cs) failed: SQLite Error 1: 'near \"SELEC\": syntax error' (statement: SELEC 1); nothing of this run was kept"),
        new Case("show of a revision that does not exist", TwoRevisions, ["show", "nosuch"],
            "No revision, branch label or symbol named 'nosuch'"),
        new Case("edit of a revision that does not exist", TwoRevisions, ["edit", "nosuch"],
            "No revision, branch label or symbol named 'nosuch'"),
        new Case("history of a range that does not parse", TwoRevisions, ["history", "-r", "nosuch:"],
            "No revision, branch label or symbol named 'nosuch'"),
        new Case("baseline without --from-live", Nothing, ["baseline"],
            "baseline needs --from-live, which reads the schema from the project's database (the only source for now); see 'retort baseline --help'", 2),
        new Case("baseline with no database configured", p => p.WriteFile("retort.json", """{ "scriptLocation": "migrations" }"""),
            ["baseline", "--from-live", "--url", "sqlite:///app.db"],
            "No database is configured to baseline: set \"url\" in {dir}/retort.json, or RETORT_URL (--url names the server of the proof's scratch database, not the database to baseline)"),
        new Case("baseline of a project with revisions", TwoRevisions, ["baseline", "--from-live"],
            "baseline writes a project's first revision, and this one has 2 already (heads: bbbb00000002); baseline from a new project with no revisions " +
            "('retort init' in another folder, pointing at this database), or write the next revision with 'retort revision --autogenerate'"),
        new Case("baseline of an empty database", p => p.Sqlite("app.db", "PRAGMA user_version = 1"), ["baseline", "--from-live"],
            "sqlite:///app.db has no tables or views (besides Retort's own), so there is nothing to baseline; start with 'retort revision' instead"),
        new Case("baseline of a database versioned already", p => p.Sqlite("app.db",
            "CREATE TABLE t (id INTEGER); CREATE TABLE retort_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY); INSERT INTO retort_version VALUES ('dead00000000')"),
            ["baseline", "--from-live"],
            "sqlite:///app.db is versioned already: its version table retort_version holds dead00000000; baseline is for a database that no migrations have run on"),
        new Case("baseline with a scratch server for a SQLite database", p => p.Sqlite("app.db", "CREATE TABLE t (id INTEGER)"),
            ["baseline", "--from-live", "--url", "postgresql://u@127.0.0.1:1/db"],
            "The database to baseline is a SQLite file (sqlite:///app.db), so the proof runs on a temporary SQLite file; leave --url out " +
            "(it names the server of the proof's scratch database, not the database to baseline, which is the config's url or RETORT_URL)"),
        new Case("baseline --model-out naming a file", p =>
        {
            p.Sqlite("app.db", "CREATE TABLE t (id INTEGER)");
            p.WriteFile("model.txt", "mine");
        }, ["baseline", "--from-live", "--model-out", "model.txt"],
            "--model-out model.txt is a file; name a folder for the model classes"));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_exits_1_with_one_exact_error_line(Case @case)
    {
        await using var project = await BadInputProject.CreateAsync();
        project.WriteFile("retort.json", Config);
        @case.Spoil(project);
        var result = await project.RunAsync(@case.Args);
        var errors = result.Stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Where(l => l.StartsWith("retort:", StringComparison.Ordinal)).ToList();
        var expected = (@case.Exit, $"retort: error: {StatementLine(@case.Error).Replace("{dir}", project.Dir, StringComparison.Ordinal)}");
        var actual = (result.ExitCode, string.Join(" | ", errors));
        Assert.True(expected == actual, $"expected {expected}\nactual   {actual}\nstderr:\n{result.Stderr}");
        Assert.EndsWith(errors[0], result.Stderr.TrimEnd('\n'), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    // How a message of several lines is printed: on one.
    private static string StatementLine(string text) => string.Join("; ", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    [Fact]
    public async Task A_read_only_command_leaves_no_database_behind()
    {
        await using var project = await BadInputProject.CreateAsync();
        project.WriteFile("retort.json", Config);
        var result = await project.RunAsync("current", "--url", "sqlite:///ap.db");
        Assert.Equal(1, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(project.Dir, "ap.db")));
        var check = await project.RunAsync("check");
        Assert.False(File.Exists(Path.Combine(project.Dir, "app.db")), check.Stderr);
        var status = await project.RunAsync("lock", "status");
        Assert.Equal("The migration lock is free\n", status.Stdout);
        Assert.Empty(Directory.GetFiles(project.Dir, "app.db*"));
    }

    [Fact]
    public async Task A_message_of_100000_characters_makes_a_revision_that_compiles()
    {
        await using var project = await BadInputProject.CreateAsync();
        project.WriteFile("retort.json", Config);
        var message = string.Join(' ', Enumerable.Repeat("add the column", 100_000 / 15));
        var written = await project.RunAsync("revision", "-m", message);
        Assert.True(written.ExitCode == 0, written.Stderr);
        var upgrade = await project.RunAsync("upgrade", "head");
        Assert.True(upgrade.ExitCode == 0, upgrade.Stderr);
        var file = Directory.GetFiles(project.Versions).Single();
        Assert.Contains("public sealed class AddTheColumnAddTheColumnAddTheColumnAddTheColumnAddTheColumnAdd", File.ReadAllText(file));
    }

    [Fact]
    public async Task SQL_written_to_a_full_device_says_the_output_failed_not_the_revision()
    {
        await using var project = await BadInputProject.CreateAsync();
        project.WriteFile("retort.json", Config);
        TwoRevisions(project);
        var cli = Path.Combine(AppContext.BaseDirectory, "Retort.Cli.dll");
        var start = new System.Diagnostics.ProcessStartInfo("sh", ["-c", $"dotnet '{cli}' upgrade head --sql > /dev/full"])
        {
            WorkingDirectory = project.Dir,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True((process.ExitCode, stderr.Split('\n')[^2]) == (1, "retort: error: Cannot write the SQL script: No space left on device"), stderr);
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
