using Retort.Configuration;
using Retort.Revisions;
using Retort.Scripting;
using Retort.Tests.Execution;
using Retort.Tests.Scripting;

namespace Retort.Tests.Recording;

/// <summary>revisions.recorded, as CompiledMigrationSource.LoadAsync writes it and RecordedRevisions.TryRead reads it.</summary>
public sealed class ScriptRecorderTests : IDisposable
{
    private readonly TestProject _project = new("sqlite:///recorded.db");

    public void Dispose() => _project.Dispose();

    private RetortConfig Config => ConfigFile.Load(Path.Combine(_project.Root, "retort.json"));

    private string RecordingPath => Path.Combine(Config.CacheDirectory, RecordedRevisions.FileName);

    private static async Task<MigrationSource> LoadAsync(ScriptDirectory scripts) =>
        await CompiledMigrationSource.LoadAsync(scripts, CancellationToken.None);

    // Three revisions of plain op. calls, each naming the project's folder so that no other test compiles the same code.
    private void WritePlainRevisions()
    {
        var tag = Path.GetFileName(_project.Root);
        _project.Revision("aaaa", [],
            """op.CreateTable("orgs", new Column("id", SqlType.Integer, primaryKey: true), new Column("name", SqlType.String(50), comment: "org"));""",
            """op.DropTable("orgs");""");
        _project.Revision("bbbb", ["aaaa"],
            """
            op.CreateTable("users", new Column("id", SqlType.BigInteger, primaryKey: true), new Column("org_id", SqlType.Integer),
                new ForeignKey("fk_users_org", ["org_id"], "orgs", ["id"], onDelete: "CASCADE"), new CheckConstraint("ck_id", "id > 0"));
            op.CreateIndex("ix_users_org", "users", ["org_id"], descending: [true]);
            """,
            """op.DropIndex("ix_users_org", "users"); op.DropTable("users");""");
        _project.Revision("cccc", ["bbbb"],
            $$"""
            op.BatchAlterTable("users", b => { b.AddColumn(new Column("email", SqlType.Text) { RenamedFrom = ["mail"] }); b.AlterColumn("org_id", nullable: false); }, recreate: BatchMode.Always);
            op.Execute("SELECT '{{tag}}'", dialect: "sqlite");
            """,
            """op.BatchAlterTable("users", b => b.DropColumn("email"));""");
    }

    [Fact]
    public async Task Plain_revisions_are_recorded_as_the_compiled_revisions_run()
    {
        WritePlainRevisions();
        var scripts = ScriptDirectory.Load(Config);

        var source = await LoadAsync(scripts);

        Assert.True(File.Exists(RecordingPath));
        var recorded = RecordedRevisions.TryRead(ScriptDirectory.Load(Config));
        Assert.NotNull(recorded);
        Assert.Equal(["aaaa", "bbbb", "cccc"], recorded.Ids.Order(StringComparer.Ordinal));
        foreach (var revision in scripts.Map.All)
        {
            var compiled = source.Create(revision);
            var replayed = recorded.Source.Create(revision);
            Assert.NotEmpty(RecordedOperations.Upgrade(compiled));
            FieldComparison.AssertSame(RecordedOperations.Upgrade(compiled), RecordedOperations.Upgrade(replayed), $"{revision.Id} up");
            FieldComparison.AssertSame(RecordedOperations.Downgrade(compiled), RecordedOperations.Downgrade(replayed), $"{revision.Id} down");
            FieldComparison.AssertSame(recorded[revision.Id].Up, RecordedOperations.Upgrade(compiled), $"{revision.Id} recorded up");
        }
    }

    [Fact]
    public async Task Nothing_is_recorded_when_one_revision_is_not_plain()
    {
        WritePlainRevisions();
        _project.Revision("dddd", ["cccc"], """var table = "users"; op.DropTable(table);""");

        await LoadAsync(ScriptDirectory.Load(Config));

        Assert.False(File.Exists(RecordingPath));
        Assert.Null(RecordedRevisions.TryRead(ScriptDirectory.Load(Config)));
    }

    [Fact]
    public async Task A_recording_is_not_read_once_a_file_has_another_time_or_a_revision_is_added()
    {
        WritePlainRevisions();
        await LoadAsync(ScriptDirectory.Load(Config));
        Assert.NotNull(RecordedRevisions.TryRead(ScriptDirectory.Load(Config)));

        var file = Path.Combine(_project.Root, "migrations", "versions", "bbbb.cs");
        var time = File.GetLastWriteTimeUtc(file);
        File.SetLastWriteTimeUtc(file, time.AddSeconds(-10));
        Assert.Null(RecordedRevisions.TryRead(ScriptDirectory.Load(Config)));
        File.SetLastWriteTimeUtc(file, time);
        Assert.NotNull(RecordedRevisions.TryRead(ScriptDirectory.Load(Config)));

        _project.Revision("dddd", ["cccc"], """op.DropTable("users");""");
        Assert.Null(RecordedRevisions.TryRead(ScriptDirectory.Load(Config)));
    }

    [Fact]
    public async Task A_damaged_recording_is_not_read_and_the_next_load_records_again()
    {
        WritePlainRevisions();
        await LoadAsync(ScriptDirectory.Load(Config));
        var whole = await File.ReadAllBytesAsync(RecordingPath);

        var damages = new Dictionary<string, byte[]>
        {
            ["truncated"] = whole[..(whole.Length / 2)],
            ["truncated by one byte"] = whole[..^1],
            ["empty"] = [],
            // A string length prefix that never ends: BinaryReader throws FormatException there.
            ["garbage"] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
            ["a damaged tail"] = [.. whole[..^12], .. Enumerable.Repeat((byte)0xEE, 12)],
        };
        foreach (var (damage, bytes) in damages)
        {
            await File.WriteAllBytesAsync(RecordingPath, bytes);
            Assert.True(RecordedRevisions.TryRead(ScriptDirectory.Load(Config)) is null, damage);

            await LoadAsync(ScriptDirectory.Load(Config));

            Assert.True(RecordedRevisions.TryRead(ScriptDirectory.Load(Config)) is not null, $"{damage}, loaded again");
        }
    }

    [Fact]
    public async Task Loading_again_with_nothing_changed_does_not_write_the_recording_again()
    {
        WritePlainRevisions();
        await LoadAsync(ScriptDirectory.Load(Config));
        var marked = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(RecordingPath, marked);

        await LoadAsync(ScriptDirectory.Load(Config));

        Assert.Equal(marked, File.GetLastWriteTimeUtc(RecordingPath));
        Assert.NotNull(RecordedRevisions.TryRead(ScriptDirectory.Load(Config)));

        // And a change of a file's time (not of its content) records again.
        var file = Path.Combine(_project.Root, "migrations", "versions", "aaaa.cs");
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddSeconds(-10));
        await LoadAsync(ScriptDirectory.Load(Config));
        Assert.NotEqual(marked, File.GetLastWriteTimeUtc(RecordingPath));
    }
}
