using Retort.Autogenerate;
using Retort.Configuration;
using Retort.Dialects;
using Retort.Tests.Live;

namespace Retort.Tests.Execution;

/// <summary>
/// <c>baseline --from-live</c> on every database: a schema written by hand as a DBA writes it (constraints inline and
/// named by the database, a foreign key, a unique, checks, an index, defaults, a view, several spellings of types) is
/// read into a first revision, which is proved on a scratch database and stamped; the model classes written beside it
/// check clean; the revision rebuilds the same schema on an empty database. And the refusals, each before anything is
/// written.
/// </summary>
public abstract class BaselineSuite : LiveProjectTests
{
    private const string RevisionId = "ba5e11000001";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly TableName[] OwnTables = [new("retort_version"), new("retort_version_log"), new("retort_version_lock")];

    private string Ddl => Target.Database switch
    {
        TestDatabase.Postgresql => """
            CREATE TABLE authors (
                id serial PRIMARY KEY,
                email varchar(120) NOT NULL UNIQUE,
                display_name character varying(80),
                rating double precision DEFAULT 0,
                joined timestamp with time zone NOT NULL DEFAULT now(),
                active bool NOT NULL DEFAULT true
            );
            COMMENT ON TABLE authors IS 'People who write';
            CREATE TABLE books (
                id bigserial PRIMARY KEY,
                author_id int4 NOT NULL REFERENCES authors ON DELETE CASCADE,
                title text NOT NULL,
                price numeric(8,2) CHECK (price >= 0),
                isbn char(13) UNIQUE,
                published date,
                tags text[],
                CHECK (title <> '')
            );
            COMMENT ON COLUMN books.isbn IS 'ISBN-13, no dashes';
            CREATE INDEX books_author_idx ON books (author_id, published);
            CREATE VIEW cheap_books AS SELECT id, title, price FROM books WHERE price < 10;
            """,
        TestDatabase.Mysql => """
            CREATE TABLE authors (
                id INT AUTO_INCREMENT PRIMARY KEY,
                email VARCHAR(120) NOT NULL UNIQUE,
                display_name VARCHAR(80),
                rating DOUBLE DEFAULT 0,
                joined DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
                active TINYINT(1) NOT NULL DEFAULT 1
            ) COMMENT = 'People who write';
            CREATE TABLE books (
                id BIGINT NOT NULL AUTO_INCREMENT,
                author_id INTEGER NOT NULL,
                title TEXT NOT NULL,
                price DECIMAL(8,2) CHECK (price >= 0),
                isbn CHAR(13) UNIQUE COMMENT 'ISBN-13, no dashes',
                published DATE,
                PRIMARY KEY (id),
                FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE,
                CHECK (title <> '')
            );
            CREATE INDEX books_author_idx ON books (author_id, published);
            CREATE VIEW cheap_books AS SELECT id, title, price FROM books WHERE price < 10;
            """,
        _ => """
            CREATE TABLE authors (
                id INTEGER PRIMARY KEY,
                email VARCHAR(120) NOT NULL UNIQUE,
                display_name NVARCHAR(80),
                rating REAL DEFAULT 0,
                joined DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
                active BOOLEAN NOT NULL DEFAULT 1
            );
            CREATE TABLE books (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                author_id INT NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                price NUMERIC(8,2) CHECK (price >= 0),
                isbn CHAR(13) UNIQUE,
                published DATE,
                CHECK (title <> '')
            );
            CREATE INDEX books_author_idx ON books (author_id, published);
            CREATE VIEW cheap_books AS SELECT id, title, price FROM books WHERE price < 10;
            """,
    };

    private async Task CreateSchemaAsync()
    {
        foreach (var statement in Ddl.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            await ExecuteAsync(statement.TrimEnd(';'));
    }

    private BaselineRequest Request(string? modelOut = "Models", bool stamp = true, bool force = false) =>
        new(ModelOut: modelOut, Stamp: stamp, Force: force, RevisionId: RevisionId);

    [DatabaseFact]
    public async Task A_schema_written_by_hand_becomes_a_proved_and_stamped_first_revision_and_a_model_that_checks_clean()
    {
        await CreateSchemaAsync();
        var before = await InspectAsync(Project.Url);

        var report = await Project.Commands().SchemaRevisions.BaselineAsync(Request(), Now);

        Assert.True(report.Proved, string.Join("\n", CommandText.Baseline(report)));
        Assert.True(report.Stamped);
        Assert.Empty(report.ModelGaps);
        Assert.Equal([RevisionId], await VersionRowsAsync());
        Assert.Equal(["2 tables", "1 index", "2 unique constraints", "1 foreign key", "2 check constraints", "1 view"], report.Contents);
        Assert.Empty(Differences(before, await InspectAsync(Project.Url)));

        GoldenFile.Matches($"Baseline/{Target.DialectName}_revision.cs.golden", File.ReadAllText(report.Revision.Path!));
        GoldenFile.Matches($"Baseline/{Target.DialectName}_model.cs.golden", string.Concat(report.ModelFiles.Select(f => $"// ---- {Path.GetFileName(f)}\n{File.ReadAllText(f)}")));

        // check with the classes written finds nothing, and warns of nothing.
        var check = await Project.Commands(c => c with { Model = c.Model with { Sources = ["Models/*.cs"] } }).CompareAsync();
        Assert.True(check.IsEmpty, string.Join("\n", check.Upgrade.Select(OperationSummary.Describe)));
        Assert.Empty(check.Warnings);
    }

    public static TheoryData<string> CorpusSchemas => new(Fidelity.FidelityCorpus.Names);

    // The fidelity corpus: schemas written as a DBA, SQLAlchemy and EF Core write them (names with spaces, reserved
    // words, composite and self-referencing keys, partial and expression indexes, every ON DELETE action).
    [DatabaseTheory, MemberData(nameof(CorpusSchemas))]
    public async Task Each_schema_of_the_fidelity_corpus_is_proved_and_its_model_checks_clean(string schema)
    {
        var dialect = Dialect.ForName(Target.DialectName);
        await using (var connection = await OpenAsync())
            await Autogenerate.LiveApply.ExecuteAsync(dialect, connection, Fidelity.FidelityCorpus.Ddl(schema, dialect));

        var report = await Project.Commands().SchemaRevisions.BaselineAsync(Request());

        Assert.True(report.Proved && report.Stamped, string.Join("\n", CommandText.Baseline(report)));
        Assert.Empty(report.ModelGaps);
        // EF Core's history table is a table of the blog schema, which the revision creates as it finds it.
        Assert.Equal(schema == "blog" ? ["table __EFMigrationsHistory looks like the migration history of EF Core; the revision creates it like any other table"] : [],
            report.Notes);
    }

    [DatabaseFact]
    public async Task The_revision_rebuilds_the_same_schema_on_an_empty_database_and_its_downgrade_removes_it()
    {
        await CreateSchemaAsync();
        await Project.Commands().SchemaRevisions.BaselineAsync(Request(modelOut: null), Now);
        var empty = "retort_" + Guid.NewGuid().ToString("N")[..12];
        var url = await Target.CreateDatabaseAsync(empty, Project.Root);
        try
        {
            var other = Project.Commands(c => c with { Url = url });
            await other.UpgradeAsync("head");
            Assert.Empty(Differences(await InspectAsync(Project.Url), await InspectAsync(url)));

            await other.DowngradeAsync("base");
            var left = await InspectAsync(url);
            Assert.Empty(left.Tables);
            Assert.Empty(left.Views);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await Target.DropDatabaseAsync(empty);
        }
    }

    [DatabaseFact]
    public async Task A_project_with_revisions_is_refused_and_nothing_is_written()
    {
        await CreateSchemaAsync();
        Project.TableRevision("a1");

        var refused = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().SchemaRevisions.BaselineAsync(Request(), Now));

        Assert.StartsWith("baseline writes a project's first revision, and this one has 1 already (heads: a1); ", refused.Message);
        Assert.Equal(["a1.cs"], VersionFiles());
        Assert.False(Directory.Exists(Path.Combine(Project.Root, "Models")));
        Assert.DoesNotContain("retort_version", await TablesAsync());
    }

    [DatabaseFact]
    public async Task A_database_already_versioned_is_refused_and_nothing_is_written()
    {
        await CreateSchemaAsync();
        await ExecuteAsync("CREATE TABLE retort_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
        await ExecuteAsync("INSERT INTO retort_version (version_num) VALUES ('0ld000000001')");

        var refused = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().SchemaRevisions.BaselineAsync(Request(), Now));

        Assert.Contains("is versioned already: its version table retort_version holds 0ld000000001", refused.Message);
        Assert.Empty(VersionFiles());
        Assert.Equal(["0ld000000001"], await VersionRowsAsync());
    }

    [DatabaseFact]
    public async Task An_empty_database_is_refused_as_nothing_to_baseline()
    {
        // An empty version table is not a revision: the database is still empty of anything to baseline.
        await ExecuteAsync("CREATE TABLE retort_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");

        var refused = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().SchemaRevisions.BaselineAsync(Request(), Now));

        Assert.EndsWith("has no tables or views (besides Retort's own), so there is nothing to baseline; start with 'retort revision' instead", refused.Message);
        Assert.Empty(VersionFiles());
    }

    [DatabaseFact]
    public async Task A_proof_that_finds_a_difference_keeps_the_revision_and_leaves_the_database_unstamped()
    {
        await CreateSchemaAsync();
        // A template that adds a table to every revision's upgrade: the revision then builds more than the database has.
        WriteTemplate("op.CreateTable(\"extra\", new Column(\"id\", SqlType.Integer, primaryKey: true));");

        var report = await Project.Commands().SchemaRevisions.BaselineAsync(Request(modelOut: null), Now);

        Assert.False(report.Proved);
        Assert.Null(report.ProofFailure);
        Assert.Equal(["removed table 'extra'"], report.ProofDifferences);
        Assert.False(report.Stamped);
        Assert.True(File.Exists(report.Revision.Path));
        Assert.DoesNotContain("retort_version", await TablesAsync());
        var lines = CommandText.Baseline(report);
        Assert.Contains(lines, l => l.StartsWith("Proof FAILED on ", StringComparison.Ordinal));
        Assert.Contains("  removed table 'extra'", lines);
        Assert.Contains(lines, l => l.StartsWith($"Not stamped. The revision is kept: ", StringComparison.Ordinal) && l.Contains($"'retort stamp {RevisionId}'", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task A_revision_that_fails_on_the_scratch_database_is_kept_and_the_database_left_unstamped()
    {
        await CreateSchemaAsync();
        WriteTemplate("op.Execute(\"THIS IS NOT SQL\");");

        var report = await Project.Commands().SchemaRevisions.BaselineAsync(Request(modelOut: null), Now);

        Assert.False(report.Proved);
        Assert.StartsWith($"Upgrade {RevisionId} ({RevisionId}_baseline.cs) failed: ", report.ProofFailure);
        Assert.Contains("THIS IS NOT SQL", report.ProofFailure);
        Assert.Contains("retort_scratch_", report.ScratchDatabase);
        Assert.False(report.Stamped);
        Assert.True(File.Exists(report.Revision.Path));
        Assert.DoesNotContain("retort_version", await TablesAsync());
        Assert.StartsWith("Proof FAILED on ", CommandText.Baseline(report)[2]);
    }

    [DatabaseFact]
    public async Task No_stamp_proves_the_revision_and_leaves_the_database_as_it_was()
    {
        await CreateSchemaAsync();

        var report = await Project.Commands().SchemaRevisions.BaselineAsync(Request(modelOut: null, stamp: false), Now);

        Assert.True(report.Proved, string.Join("\n", CommandText.Baseline(report)));
        Assert.False(report.Stamped);
        Assert.DoesNotContain("retort_version", await TablesAsync());
        Assert.Contains($"Not stamped (--no-stamp): 'retort stamp {RevisionId}' adopts the database when you are ready", CommandText.Baseline(report));
    }

    [DatabaseFact]
    public async Task What_the_inspector_does_not_read_is_named_in_a_note()
    {
        await CreateSchemaAsync();
        string[] trigger = Target.Database switch
        {
            TestDatabase.Postgresql => ["CREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql",
                "CREATE TRIGGER books_touch BEFORE UPDATE ON books FOR EACH ROW EXECUTE FUNCTION touch()"],
            TestDatabase.Mysql => ["CREATE TRIGGER books_touch BEFORE INSERT ON books FOR EACH ROW SET NEW.title = TRIM(NEW.title)"],
            _ => ["CREATE TRIGGER books_touch AFTER INSERT ON books BEGIN SELECT 1; END"],
        };
        foreach (var statement in trigger)
            await ExecuteAsync(statement);

        var report = await Project.Commands().SchemaRevisions.BaselineAsync(Request(modelOut: null), Now);

        Assert.True(report.Proved);
        var expected = "not read, so not in the revision (add them to it with op.Execute, or to a revision of their own): " +
            (Target.Database == TestDatabase.Postgresql ? "function touch(), " : "") + "trigger books_touch on books";
        Assert.Equal([expected], report.Notes);
        Assert.Contains("note: " + expected, CommandText.Baseline(report));
    }

    [DatabaseFact]
    public async Task Model_files_that_exist_are_kept_unless_forced()
    {
        await CreateSchemaAsync();
        Directory.CreateDirectory(Path.Combine(Project.Root, "Models"));
        File.WriteAllText(Path.Combine(Project.Root, "Models", "Book.cs"), "// mine\n");

        var refused = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().SchemaRevisions.BaselineAsync(Request(), Now));
        Assert.Equal($"Models{Path.DirectorySeparatorChar}Book.cs exists already; pass --force to overwrite the model files, or choose another --model-out", refused.Message);
        Assert.Equal("// mine\n", File.ReadAllText(Path.Combine(Project.Root, "Models", "Book.cs")));
        Assert.Empty(VersionFiles());

        var report = await Project.Commands().SchemaRevisions.BaselineAsync(Request(force: true), Now);
        Assert.True(report.Stamped);
        Assert.Contains("public class Book", File.ReadAllText(Path.Combine(Project.Root, "Models", "Book.cs")));
    }

    [DatabaseFact(Except = [TestDatabase.Sqlite], Because = "a SQLite database's proof runs on a temporary file, and --url is refused there (SqliteBaselineTests)")]
    public async Task A_scratch_server_named_with_url_is_used_for_the_proof_and_must_be_the_same_kind_of_database()
    {
        await CreateSchemaAsync();
        var other = Target.Database == TestDatabase.Postgresql ? "mysql://u@127.0.0.1:1/db" : "postgresql://u@127.0.0.1:1/db";
        var refused = await Assert.ThrowsAsync<RetortException>(() =>
            Project.Commands().SchemaRevisions.BaselineAsync(Request(modelOut: null) with { ScratchUrl = other }, Now));
        Assert.StartsWith($"--url names {other}, a {other[..other.IndexOf(':')]} server, and the database to baseline is ", refused.Message);
        Assert.EndsWith(": the proof must run on the same kind of database", refused.Message);
        Assert.Empty(VersionFiles());

        var report = await Project.Commands().SchemaRevisions.BaselineAsync(Request(modelOut: null) with { ScratchUrl = Project.Url }, Now);

        Assert.True(report.Proved && report.Stamped, string.Join("\n", CommandText.Baseline(report)));
        Assert.Contains("retort_scratch_", report.ScratchDatabase);
    }

    [DatabaseFact]
    public async Task A_project_whose_revisions_serve_several_databases_is_refused()
    {
        await CreateSchemaAsync();

        var refused = await Assert.ThrowsAsync<RetortException>(() =>
            Project.Commands(c => c with { Databases = ["engine1", "engine2"] }).SchemaRevisions.BaselineAsync(Request(), Now));

        Assert.Equal("baseline reads one database, and this project's revisions serve several (databases: engine1, engine2); baseline each database from a project of its own", refused.Message);
        Assert.Empty(VersionFiles());
    }

    private void WriteTemplate(string extraUpgrade)
    {
        var template = File.ReadAllText(Path.Combine(TestArtifacts.RepositoryRoot()!, "src", "Retort", "Commands", "Templates", "generic", "script.cs.template"));
        File.WriteAllText(Path.Combine(Project.Root, "migrations", "script.cs.template"),
            template.Replace("        ${upgrades}", "        ${upgrades}\n        " + extraUpgrade, StringComparison.Ordinal));
    }

    private List<string> VersionFiles() =>
        Directory.GetFiles(Path.Combine(Project.Root, "migrations", "versions")).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();

    private async Task<DatabaseSchema> InspectAsync(string url)
    {
        var parsed = DatabaseUrl.Parse(url, Project.Root);
        await using var connection = TestProject.Connect(parsed);
        await connection.OpenAsync();
        return await Dialect.ForName(parsed.Dialect).InspectAsync(connection, OwnTables, CancellationToken.None);
    }

    // What leads from one schema to the other, everything compared: declared types, defaults, the names of every object.
    private List<string> Differences(DatabaseSchema from, DatabaseSchema to) =>
        SchemaComparer.Compare(to, from, Dialect.ForName(Target.DialectName),
                new CompareOptions { CompareServerDefault = true, CompareImplicitNames = true, CompareDeclaredTypes = true })
            .Upgrade.Select(OperationSummary.Describe).ToList();
}

[RunsOn(TestDatabase.Sqlite)]
public sealed class SqliteBaselineTests : BaselineSuite
{
    [Fact]
    public async Task A_scratch_server_for_a_sqlite_database_is_refused_before_anything_is_written()
    {
        await ExecuteAsync("CREATE TABLE t (id INTEGER PRIMARY KEY)");

        var refused = await Assert.ThrowsAsync<RetortException>(() =>
            Project.Commands().SchemaRevisions.BaselineAsync(new BaselineRequest(ScratchUrl: "postgresql://u@127.0.0.1/db")));

        Assert.StartsWith("The database to baseline is a SQLite file (sqlite:///live.db), so the proof runs on a temporary SQLite file; leave --url out", refused.Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(Project.Root, "migrations", "versions")));
    }
}

[RunsOn(TestDatabase.Postgresql)]
public sealed class PostgresBaselineTests : BaselineSuite;

[RunsOn(TestDatabase.Mysql)]
public sealed class MariaDbBaselineTests : BaselineSuite;
